using System.Globalization;
using System.Text;

namespace Wbpm.Benchmarks;

public static class BenchmarkTable
{
    public static string ToMarkdown(IReadOnlyList<BenchmarkResult> results, int cores)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {cores} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        text.AppendLine();
        text.AppendLine("| Scenario | Measure | per second | p50 ms | p95 ms | p99 ms | max ms | Target | Notes |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Measure} | {Format(r.PerSecond, "N0")} | {Format(r.P50Ms, "0.###")} | {Format(r.P95Ms, "0.###")} | {Format(r.P99Ms, "0.###")} | {Format(r.MaxMs, "0.###")} | {r.Target} | {r.Notes} |");
        return text.ToString();
    }

    private static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
