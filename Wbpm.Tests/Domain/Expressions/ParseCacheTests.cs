using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>The engine parses each expression text once and keeps the cache bounded and thread-safe.</summary>
public sealed class ParseCacheTests
{
    private static readonly DateTimeOffset Now = FeelTestSupport.Now;

    [Fact]
    public void SameTextParsesOnce()
    {
        var engine = new FeelEngine();
        var first = engine.Parse("amount > 100");
        var second = engine.Parse("amount > 100");
        engine.Evaluate("amount > 100", new Dictionary<string, object?>(), Now);
        Assert.Same(first, second);
        Assert.Equal(1, engine.ParseCount);
    }

    [Fact]
    public void SyntaxErrorsAreCachedToo()
    {
        var engine = new FeelEngine();
        Assert.NotNull(engine.CheckSyntax("1 +"));
        Assert.Throws<FeelSyntaxException>(() => engine.Parse("1 +"));
        Assert.Equal(1, engine.ParseCount);
    }

    [Fact]
    public void CacheIsBoundedAndEvictsLeastRecentlyUsed()
    {
        var engine = new FeelEngine(new FeelOptions(ParseCacheSize: 2));
        engine.Parse("1");
        engine.Parse("2");
        engine.Parse("1"); // 1 is now most recent
        engine.Parse("3"); // evicts 2
        engine.Parse("1");
        Assert.Equal(3, engine.ParseCount);
        engine.Parse("2");
        Assert.Equal(4, engine.ParseCount);
    }

    [Fact]
    public void ParsedExpressionCanBeEvaluatedManyTimes()
    {
        var expression = new FeelEngine().Parse("= amount * 2");
        Assert.Equal("= amount * 2", expression.Text);
        Assert.Equal(4m, expression.Evaluate(new Dictionary<string, object?> { ["amount"] = 2 }, Now));
        Assert.Equal(10m, expression.Evaluate(new Dictionary<string, object?> { ["amount"] = 5 }, Now));
    }

    [Fact]
    public void ParallelEvaluationOfSameTextIsThreadSafe()
    {
        var engine = new FeelEngine();
        const string text = "for x in 1..n return if x > threshold then \"big\" else string(x)";
        var failures = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var n = (i % 5) + 1;
            var result = (IReadOnlyList<object?>)engine.Evaluate(text, new Dictionary<string, object?> { ["n"] = n, ["threshold"] = 3 }, Now)!;
            var expected = Enumerable.Range(1, n).Select(x => x > 3 ? "big" : x.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!result.Cast<string>().SequenceEqual(expected))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
        Assert.Equal(1, engine.ParseCount);
    }

    [Fact]
    public void ParallelParsingOfManyTextsKeepsCacheConsistent()
    {
        var engine = new FeelEngine(new FeelOptions(ParseCacheSize: 16));
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var value = i % 40;
            Assert.Equal((decimal)value + 1, engine.Evaluate($"{value} + 1", new Dictionary<string, object?>(), Now));
        });
        Assert.InRange(engine.ParseCount, 40, 2_000);
    }
}
