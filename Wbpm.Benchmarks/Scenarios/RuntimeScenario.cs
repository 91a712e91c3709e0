using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Engine;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>
/// Issue #4's S1–S4 through the real runtime (services, one transaction per command, full history, audit entries)
/// on SQLite, and on PostgreSQL when WBPM_BENCH_POSTGRES is set.
/// </summary>
public sealed class RuntimeScenario : IBenchmarkScenario
{
    // Callers at the same time; WBPM_BENCH_PARALLELISM overrides (SQLite has one writer: more callers queue on its lock).
    private static readonly int Parallelism = int.TryParse(Environment.GetEnvironmentVariable("WBPM_BENCH_PARALLELISM"), out var p) ? p : 4;

    // A selection of S1..S4 (e.g. "S1,S3"); WBPM_BENCH_RUNTIME unset runs all four.
    private static readonly string[] Selected = (Environment.GetEnvironmentVariable("WBPM_BENCH_RUNTIME") ?? "S1,S2,S3,S4")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Name => "runtime";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var results = new List<BenchmarkResult>();
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (Environment.GetEnvironmentVariable("WBPM_BENCH_POSTGRES") is { Length: > 0 })
            providers.Add(DatabaseProvider.PostgreSql);
        await WarmUpAsync();
        foreach (var provider in providers)
        {
            if (Runs("S1")) results.Add(await S1Async(provider, 3_000));
            if (Runs("S2")) results.Add(await S2Async(provider, 3_000));
            if (Runs("S3")) results.Add(await S3Async(provider, 3_000));
            if (Runs("S4")) results.Add(await S4Async(provider));
        }
        return results;
    }

    /// <summary>
    /// Steady state, not start-up: .NET compiles hot methods again, optimised, in the background for the first ~15 s of
    /// load (tiered compilation and dynamic PGO), which took a quarter of this 2-core machine's CPU during the measured
    /// runs. One throw-away round of S1–S3 on SQLite lets that finish, as it has on a server that has been up a while.
    /// </summary>
    private static async Task WarmUpAsync()
    {
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await S1Async(DatabaseProvider.Sqlite, 3_000);
            await S2Async(DatabaseProvider.Sqlite, 1_000);
            await S3Async(DatabaseProvider.Sqlite, 2_000);
        }
        Console.Error.WriteLine($"warm-up: {clock.Elapsed.TotalSeconds:F0} s");
    }

    // WBPM_BENCH_WARMUP=0 measures a cold process.
    private static readonly int WarmUpRounds = int.TryParse(Environment.GetEnvironmentVariable("WBPM_BENCH_WARMUP"), out var w) ? w : 1;

    private static bool Runs(string scenario) => Selected.Contains(scenario, StringComparer.OrdinalIgnoreCase);

    private static async Task<BenchmarkResult> S1Async(DatabaseProvider provider, int count)
    {
        await using var host = await RuntimeBenchHost.CreateAsync(provider);
        await host.DeployAsync("S1StraightThrough.bpmn");
        var request = new StartInstanceRequest(null, new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(750) });
        var warmUp = await WarmUpUntilJitIdleAsync(() => StartManyAsync(host, "s1", 500, request));
        var run = await ParallelLatencies.MeasureAsync(count, Parallelism, async _ =>
        {
            await using var scope = host.AsAdmin();
            await scope.ServiceProvider.GetRequiredService<ProcessInstanceService>().StartByKeyAsync("s1", request);
        });
        await using var db = host.Open();
        var completed = await db.ProcessInstances.CountAsync(i => i.Status == InstanceStatus.Completed);
        return new($"S1 straight-through ({provider})", "start to end, one commit", run.PerSecond, run.P50, run.P95, run.P99, run.Max,
            provider == DatabaseProvider.Sqlite ? ">= 2,000 PI/s" : "", $"{completed - warmUp} completed; {Parallelism} callers; {run.CpuMsPerOperation:F2} CPU-ms each; {run.MethodsCompiled} methods compiled");
    }

    private static async Task<BenchmarkResult> S2Async(DatabaseProvider provider, int count)
    {
        await using var host = await RuntimeBenchHost.CreateAsync(provider);
        await host.DeployAsync("S2AsyncStep.bpmn");
        await host.Get<JobExecutor>().StartAsync(CancellationToken.None);
        var warmedUp = 0;
        await WarmUpUntilJitIdleAsync(async () =>
        {
            await StartManyAsync(host, "s2", 500, new StartInstanceRequest(null, null));
            await WaitUntilCompletedAsync(host, warmedUp += 500);
            return 500;
        });
        var clock = Stopwatch.StartNew();
        await StartManyAsync(host, "s2", count, new StartInstanceRequest(null, null));
        await WaitUntilCompletedAsync(host, warmedUp + count);
        clock.Stop();
        await host.Get<JobExecutor>().StopAsync(CancellationToken.None);
        return new($"S2 one async step ({provider})", "start + job to end", count / clock.Elapsed.TotalSeconds, null, null, null, null,
            provider == DatabaseProvider.Sqlite ? ">= 1,000 PI/s" : "", $"{count} instances; {Parallelism} starters + the executor");
    }

    private static async Task<BenchmarkResult> S3Async(DatabaseProvider provider, int count)
    {
        await using var host = await RuntimeBenchHost.CreateAsync(provider);
        await host.DeployAsync("S3UserTask.bpmn");
        const int warmUpRound = 300;
        await StartManyAsync(host, "s3", count + MaxWarmUpRounds * warmUpRound, new StartInstanceRequest(null, null));
        List<string> taskIds;
        await using (var db = host.Open())
            taskIds = await db.UserTasks.OrderBy(t => t.CreatedAt).Select(t => t.Id).ToListAsync();
        var next = 0;
        async Task CompleteAsync(int i)
        {
            await using var scope = host.AsAdmin();
            await scope.ServiceProvider.GetRequiredService<TaskService>().CompleteAsync(taskIds[i], null);
        }
        await WarmUpUntilJitIdleAsync(async () =>
        {
            var first = next;
            next += warmUpRound;
            await ParallelLatencies.MeasureAsync(warmUpRound, Parallelism, i => CompleteAsync(first + i));
            return warmUpRound;
        });
        var run = await ParallelLatencies.MeasureAsync(count, Parallelism, i => CompleteAsync(next + i));
        return new($"S3 user task ({provider})", "complete task (API service)", run.PerSecond, run.P50, run.P95, run.P99, run.Max,
            provider == DatabaseProvider.Sqlite ? ">= 1,000/s, p95 < 10 ms" : "", $"{count} tasks; {Parallelism} callers; {run.CpuMsPerOperation:F2} CPU-ms each; {run.MethodsCompiled} methods compiled");
    }

    private static async Task<BenchmarkResult> S4Async(DatabaseProvider provider)
    {
        const int count = 10_000;
        await using var host = await RuntimeBenchHost.CreateAsync(provider);
        await host.DeployAsync("S4DueTimer.bpmn");
        await StartManyAsync(host, "s4", count, new StartInstanceRequest(null, null));
        var clock = Stopwatch.StartNew();
        await host.Get<JobExecutor>().StartAsync(CancellationToken.None);
        await WaitUntilCompletedAsync(host, count);
        clock.Stop();
        await host.Get<JobExecutor>().StopAsync(CancellationToken.None);
        await using var db = host.Open();
        var firedTwice = await db.HistoryEvents.Where(h => h.ElementId == "due" && h.Kind == HistoryEventKind.Completed)
            .GroupBy(h => h.ProcessInstanceId).CountAsync(g => g.Count() > 1);
        return new($"S4 10,000 due timers ({provider})", "all fired (seconds in p50 column: total)", count / clock.Elapsed.TotalSeconds,
            clock.Elapsed.TotalSeconds, null, null, null, provider == DatabaseProvider.Sqlite ? "all within 10 s, none twice" : "",
            $"fired twice: {firedTwice}");
    }

    private static async Task<int> StartManyAsync(RuntimeBenchHost host, string key, int count, StartInstanceRequest request)
    {
        await ParallelLatencies.MeasureAsync(count, Parallelism, async _ =>
        {
            await using var scope = host.AsAdmin();
            await scope.ServiceProvider.GetRequiredService<ProcessInstanceService>().StartByKeyAsync(key, request);
        });
        return count;
    }

    private const int MaxWarmUpRounds = 20;

    /// <summary>
    /// Every benchmark host has its own EF model and DI container, i.e. new generated code that .NET compiles, then
    /// re-compiles optimised in the background once it is hot: seconds of a whole core on this machine. A server that
    /// has been up for a while has done that, so rounds of the scenario's own work run until a round needs (almost) no
    /// compiling. Returns how many operations the rounds did.
    /// </summary>
    private static async Task<int> WarmUpUntilJitIdleAsync(Func<Task<int>> round)
    {
        var operations = 0;
        for (var rounds = 0; rounds < MaxWarmUpRounds; rounds++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            operations += await round();
            if (JitInfo.GetCompiledMethodCount() - compiled < 10)
                break;
        }
        Console.Error.WriteLine($"  warm-up: {operations} operations, {JitInfo.GetCompiledMethodCount()} methods compiled so far");
        return operations;
    }

    private static async Task WaitUntilCompletedAsync(RuntimeBenchHost host, int count)
    {
        while (true)
        {
            await using var db = host.Open();
            if (await db.ProcessInstances.CountAsync(i => i.Status == InstanceStatus.Completed) >= count)
                return;
            await Task.Delay(20);
        }
    }
}
