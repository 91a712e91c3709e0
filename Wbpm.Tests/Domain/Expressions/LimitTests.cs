using System.Diagnostics;
using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Hostile or runaway expressions end in a clear error, never a hang or a stack overflow.</summary>
public sealed class LimitTests
{
    private static readonly Dictionary<string, object?> NoVariables = new();

    public static TheoryData<string> DeeplyNested => new()
    {
        new string('(', 10_000) + "1" + new string(')', 10_000),
        new string('[', 10_000) + new string(']', 10_000),
        new string('-', 10_000) + "1",
        string.Concat(Enumerable.Repeat("not(", 5_000)) + "true" + new string(')', 5_000),
        "1" + string.Concat(Enumerable.Repeat(" + 1", 10_000)),
        "a" + string.Concat(Enumerable.Repeat(".b", 10_000)),
        string.Concat(Enumerable.Repeat("if true then ", 5_000)) + "1" + string.Concat(Enumerable.Repeat(" else 0", 5_000)),
        string.Concat(Enumerable.Repeat("{a: ", 5_000)) + "1" + new string('}', 5_000),
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void DeeplyNestedExpressionFailsWithParseError(string expression)
    {
        var error = FeelTestSupport.Engine.CheckSyntax(expression);
        Assert.NotNull(error);
        Assert.Equal("Expression is nested too deeply (the maximum depth is 200).", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void NestingWithinTheDepthLimitParses()
    {
        var expression = new string('(', 50) + "1" + new string(')', 50);
        Assert.Equal(1m, FeelTestSupport.Engine.Evaluate(expression, NoVariables, FeelTestSupport.Now));
    }

    [Fact]
    public void LongListLiteralIsNotNesting()
    {
        var expression = "count([" + string.Join(", ", Enumerable.Range(1, 2_000)) + "])";
        Assert.Equal(2_000m, new FeelEngine(new FeelOptions(MaxSteps: 100_000)).Evaluate(expression, NoVariables, FeelTestSupport.Now));
    }

    [Fact]
    public void StepLimitStopsLongLoopWithClearError()
    {
        var exception = Assert.Throws<FeelEvaluationException>(
            () => FeelTestSupport.Engine.Evaluate("for x in 1..1000000 return x", NoVariables, FeelTestSupport.Now));
        Assert.Equal("Expression evaluation exceeded the step limit of 10000 (a loop or list too large?).", exception.Message);
    }

    [Fact]
    public void StepLimitIsConfigurable()
    {
        var engine = new FeelEngine(new FeelOptions(MaxSteps: 50));
        Assert.Throws<FeelEvaluationException>(() => engine.Evaluate("for x in 1..100 return x", NoVariables, FeelTestSupport.Now));
        Assert.NotNull(engine.Evaluate("for x in 1..5 return x", NoVariables, FeelTestSupport.Now));
    }

    [Fact]
    public void NestedLoopsHitTheStepLimit() =>
        Assert.Throws<FeelEvaluationException>(() => FeelTestSupport.Engine.Evaluate(
            "for a in 1..100, b in 1..100, c in 1..100 return a", NoVariables, FeelTestSupport.Now));

    [Fact]
    public void ListSizeLimitStopsLargeLists()
    {
        var engine = new FeelEngine(new FeelOptions(MaxListSize: 10));
        var exception = Assert.Throws<FeelEvaluationException>(() => engine.Evaluate("for x in 1..20 return x", NoVariables, FeelTestSupport.Now));
        Assert.Equal("Expression evaluation created a list larger than the limit of 10 elements.", exception.Message);
        Assert.Throws<FeelEvaluationException>(() => engine.Evaluate("concatenate(l, l)", new Dictionary<string, object?> { ["l"] = Enumerable.Range(1, 6).ToList() }, FeelTestSupport.Now));
    }

    [Fact]
    public void DoublingStringsHitTheStringLimit()
    {
        var doubling = "{a: \"0123456789\"" + string.Concat(Enumerable.Range(1, 30).Select(i => $", s{i}: {(i == 1 ? "a" : $"s{i - 1}")} + {(i == 1 ? "a" : $"s{i - 1}")}")) + "}";
        var exception = Assert.Throws<FeelEvaluationException>(() => FeelTestSupport.Engine.Evaluate(doubling, NoVariables, FeelTestSupport.Now));
        Assert.Contains("string longer than the limit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExponentialStructureComparisonHitsTheStepLimit()
    {
        var doubling = "{l0: [1, 1]" + string.Concat(Enumerable.Range(1, 60).Select(i => $", l{i}: [l{i - 1}, l{i - 1}]")) + "}";
        var expression = $"{doubling}.l60 = {doubling}.l60";
        var stopwatch = Stopwatch.StartNew();
        Assert.Throws<FeelEvaluationException>(() => FeelTestSupport.Engine.Evaluate(expression, NoVariables, FeelTestSupport.Now));
        Assert.Throws<FeelEvaluationException>(() => FeelTestSupport.Engine.Evaluate($"string({doubling}.l60)", NoVariables, FeelTestSupport.Now));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void CatastrophicRegexRunsInLinearTime()
    {
        var variables = new Dictionary<string, object?> { ["input"] = new string('a', 20_000) + "!" };
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(false, FeelTestSupport.Engine.Evaluate("matches(input, \"^(a+)+$\")", variables, FeelTestSupport.Now));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void CyclicHostListDoesNotHang()
    {
        var cyclic = new List<object?>();
        cyclic.Add(cyclic);
        var variables = new Dictionary<string, object?> { ["l"] = cyclic };
        Assert.Throws<FeelEvaluationException>(() => FeelTestSupport.Engine.Evaluate("l = l", variables, FeelTestSupport.Now));
        Assert.Throws<FeelEvaluationException>(() => FeelTestSupport.Engine.Evaluate("flatten(l)", variables, FeelTestSupport.Now));
    }

    [Fact]
    public void InvalidOptionsAreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeelEngine(new FeelOptions(MaxSteps: 0)));
}
