using System.Diagnostics;

namespace Wbpm.Benchmarks;

/// <summary>Times repeated runs of an action and reports percentiles (after a warm-up that is not counted).</summary>
public static class Latencies
{
    public static (double P50, double P95, double P99, double Max, double PerSecond) Measure(int warmup, int iterations, Action action)
    {
        for (var i = 0; i < warmup; i++)
            action();
        var samples = new double[iterations];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        total.Stop();
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), samples[^1],
            iterations / total.Elapsed.TotalSeconds);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
