using System.Diagnostics;

namespace Wbpm.Benchmarks;

/// <summary>
/// Runs <c>count</c> async operations on <c>parallelism</c> workers; throughput over the whole run, latency per operation,
/// the process's CPU time per operation (steadier than throughput on a shared VM whose speed varies run to run), and
/// how many methods .NET compiled meanwhile (a warm process compiles next to none).
/// </summary>
public static class ParallelLatencies
{
    public static async Task<(double P50, double P95, double P99, double Max, double PerSecond, double CpuMsPerOperation, long MethodsCompiled)> MeasureAsync(
        int count, int parallelism, Func<int, Task> operation)
    {
        var samples = new double[count];
        var next = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })).ToList();
        await Task.WhenAll(workers);
        total.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Array.Sort(samples);
        return (Latencies.Percentile(samples, 0.50), Latencies.Percentile(samples, 0.95), Latencies.Percentile(samples, 0.99),
            samples[^1], count / total.Elapsed.TotalSeconds, cpu.TotalMilliseconds / count,
            System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore);
    }
}
