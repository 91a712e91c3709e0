using System.Text.Json;
using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Values handed in by the host are converted to FEEL values; conditions are strict booleans.</summary>
public sealed class HostValueTests
{
    private static readonly FeelEngine Engine = FeelTestSupport.Engine;
    private static readonly DateTimeOffset Now = FeelTestSupport.Now;

    private static object? Eval(string expression, object? value) =>
        Engine.Evaluate(expression, new Dictionary<string, object?> { ["v"] = value }, Now);

    public static TheoryData<object?, string> NumericHostValues => new()
    {
        { 5, "5" },
        { 5L, "5" },
        { (short)5, "5" },
        { (byte)5, "5" },
        { 5u, "5" },
        { 5.5d, "5.5" },
        { 5.5f, "5.5" },
        { 5.5m, "5.5" },
        { double.NaN, "null" },
        { double.PositiveInfinity, "null" },
    };

    [Theory]
    [MemberData(nameof(NumericHostValues))]
    public void NumericHostValuesBecomeDecimals(object? value, string expected) =>
        Assert.Equal(expected, FeelTestSupport.Describe(Eval("v", value)));

    [Fact]
    public void IntegerVariableEqualsDecimalLiteral() => Assert.Equal(true, Eval("v = 1.0", 1));

    [Fact]
    public void HostDictionariesAndListsAreContextsAndLists()
    {
        var order = new Dictionary<string, object?>
        {
            ["lines"] = new List<object?> { new Dictionary<string, object?> { ["qty"] = 2, ["price"] = 1.5 }, new Dictionary<string, object?> { ["qty"] = 1, ["price"] = 10 } },
            ["tags"] = new[] { "a", "b" },
            ["counts"] = new Dictionary<string, int> { ["x"] = 3 },
        };
        Assert.Equal(13m, Eval("sum(for l in v.lines return l.qty * l.price)", order));
        Assert.Equal(true, Eval("list contains(v.tags, \"b\")", order));
        Assert.Equal(3m, Eval("v.counts.x", order));
    }

    [Fact]
    public void JsonElementsAreConvertedLazily()
    {
        using var document = JsonDocument.Parse("""{"n": 12345678901234567890.5, "s": "x", "b": true, "z": null, "a": [1, {"k": "v"}], "o": {"p": {"q": 2}}}""");
        var variables = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        Assert.Equal(12345678901234567890.5m, Engine.Evaluate("n", variables, Now));
        Assert.Equal("x", Engine.Evaluate("s", variables, Now));
        Assert.Equal(true, Engine.Evaluate("b", variables, Now));
        Assert.Null(Engine.Evaluate("z", variables, Now));
        Assert.Equal(true, Engine.Evaluate("is defined(z)", variables, Now));
        Assert.Equal("v", Engine.Evaluate("a[2].k", variables, Now));
        Assert.Equal(2m, Engine.Evaluate("o.p.q", variables, Now));
        Assert.Equal(true, Engine.Evaluate("a = [1, {k: \"v\"}]", variables, Now));
    }

    [Fact]
    public void JsonDocumentRootCanBeAVariable()
    {
        using var document = JsonDocument.Parse("""{"amount": 150}""");
        Assert.Equal(true, Eval("v.amount > 100", document.RootElement));
    }

    [Fact]
    public void TemporalHostValuesAreFeelTemporals()
    {
        Assert.Equal(true, Eval("v instance of date", new DateOnly(2025, 1, 31)));
        Assert.Equal(true, Eval("v instance of time", new TimeOnly(10, 0)));
        Assert.Equal(true, Eval("v < now()", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(true, Eval("v instance of days and time duration", TimeSpan.FromHours(1)));
        Assert.Equal(true, Eval("v = duration(\"P1Y\")", new FeelYearsMonthsDuration(12)));
    }

    [Fact]
    public void UnknownHostTypesAreNullAndNeverReflected() => Assert.Null(Eval("v", new Uri("http://example.com")));

    [Fact]
    public void GuidsAndEnumsBecomeStrings()
    {
        Assert.Equal("Friday", Eval("v", DayOfWeek.Friday));
        Assert.Equal(Guid.Empty.ToString(), Eval("v", Guid.Empty));
    }

    [Fact]
    public void ResultsUseBoundaryTypes()
    {
        var result = Engine.Evaluate("{list: [1, 2], when: date(\"2025-01-31\"), span: duration(\"PT1H\")}", new Dictionary<string, object?>(), Now);
        var context = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result);
        Assert.IsAssignableFrom<IReadOnlyList<object?>>(context["list"]);
        Assert.Equal(new DateOnly(2025, 1, 31), context["when"]);
        Assert.Equal(TimeSpan.FromHours(1), context["span"]);
    }

    [Theory]
    [InlineData("= amount > 100", true)]
    [InlineData("amount > 100", true)]
    [InlineData("amount < 100", false)]
    [InlineData("missing > 100", false)]
    [InlineData("amount", false)]
    [InlineData("\"true\"", false)]
    [InlineData("null", false)]
    [InlineData("status = \"approved\" and amount between 100 and 200", true)]
    [InlineData("status in (\"approved\", \"auto\")", true)]
    public void ConditionIsTrueOnlyForBooleanTrue(string expression, bool expected) =>
        Assert.Equal(expected, Engine.EvaluateCondition(expression, new Dictionary<string, object?> { ["amount"] = 150, ["status"] = "approved" }, Now));

    [Fact]
    public void ConditionWithSyntaxErrorThrows() =>
        Assert.Throws<FeelSyntaxException>(() => Engine.EvaluateCondition("amount >", new Dictionary<string, object?>(), Now));

    [Fact]
    public void NowAndTodayComeFromTheCaller()
    {
        var now = new DateTimeOffset(2030, 6, 15, 23, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(now, Engine.Evaluate("now()", new Dictionary<string, object?>(), now));
        Assert.Equal(new DateOnly(2030, 6, 15), Engine.Evaluate("today()", new Dictionary<string, object?>(), now));
    }
}
