using Wbpm.Domain.Expressions;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>Evaluating a typical gateway condition (parse cached): the cost the engine pays per conditional flow.</summary>
public sealed class FeelEvaluationScenario : IBenchmarkScenario
{
    public string Name => "feel";

    public Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var feel = new FeelEngine();
        var variables = new Dictionary<string, object?> { ["amount"] = 1250m, ["status"] = "open", ["approved"] = true };
        var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        const string condition = "amount > 1000 and status in (\"open\", \"new\") and approved";
        var evaluate = Latencies.Measure(1_000, 100_000, () => feel.EvaluateCondition(condition, variables, now));
        IReadOnlyList<BenchmarkResult> results =
        [
            new("FEEL condition", "evaluate (cached parse)", evaluate.PerSecond, evaluate.P50, evaluate.P95, evaluate.P99, evaluate.Max, "", condition),
        ];
        return Task.FromResult(results);
    }
}
