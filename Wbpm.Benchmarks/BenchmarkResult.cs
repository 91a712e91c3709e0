namespace Wbpm.Benchmarks;

/// <summary>One measured figure: throughput (per second) and/or latency percentiles in milliseconds.</summary>
public sealed record BenchmarkResult(
    string Scenario,
    string Measure,
    double? PerSecond,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double? MaxMs,
    string Target,
    string Notes = "");

public interface IBenchmarkScenario
{
    string Name { get; }
    Task<IReadOnlyList<BenchmarkResult>> RunAsync();
}
