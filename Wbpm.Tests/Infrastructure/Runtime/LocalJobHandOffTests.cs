using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Observability;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>
/// Jobs due at the start of a new instance, and the follow-up jobs an exclusive job's run creates for its instance, go to
/// the local executor already locked to it, without a claim (<see cref="LocalJobHandOff"/>); at most one exclusive job
/// per instance, so the others wait for a claim as before.
/// </summary>
public sealed class LocalJobHandOffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheAsyncStepOfANewInstanceRunsOnTheLocalExecutorWithoutBeingClaimed(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("async-set.bpmn");
        using var jobs = new JobCounters(host);
        await StartExecutorAsync(host);

        var bookings = await RunToTheEndAsync(host, "async-set");

        await jobs.ExecutedAsync(1);
        Assert.Equal(0, jobs.Acquired);
        Assert.Equal(1, bookings);
        await using var check = host.OpenAllTenants();
        Assert.Empty(await check.Jobs.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheNextAsyncStepIsHandedOverByTheRunOfTheStepBeforeItAndNoStepIsClaimed(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("async-chain.bpmn");
        using var jobs = new JobCounters(host);
        await StartExecutorAsync(host);

        var bookings = await RunToTheEndAsync(host, "async-chain");

        await jobs.ExecutedAsync(2);
        Assert.Equal(0, jobs.Acquired);
        Assert.Equal(10, bookings); // (0 + 1) * 10: both steps ran once, in order
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OfTwoExclusiveStepsOfANewInstanceOneIsHandedOverAndTheOtherClaimedAfterItAndEveryInstanceCompletesOnce(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("parallel-async.bpmn");
        using var jobs = new JobCounters(host);
        await StartExecutorAsync(host);

        const int instances = 20;
        await using (var starter = host.As("alice", Role.User))
        {
            var service = starter.Get<ProcessInstanceService>();
            for (var i = 0; i < instances; i++)
                await service.StartByKeyAsync("parallel-async", new StartInstanceRequest($"pi-{i}", null), Ct);
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.ProcessInstances.CountAsync(i => i.Status == InstanceStatus.Completed, Ct) == instances;
        }, "every instance completes");
        // Each instance: one step handed over, the other claimed once the first was done (never both at once: no conflicts).
        await jobs.ExecutedAsync(2 * instances);
        Assert.Equal((instances, 0), (jobs.Acquired, jobs.Conflicts));
        await using var check = host.OpenAllTenants();
        var afterRuns = await check.HistoryEvents.Where(h => h.ElementId == "after" && h.Kind == HistoryEventKind.Completed)
            .GroupBy(h => h.ProcessInstanceId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(instances, afterRuns.Count);
        Assert.All(afterRuns, count => Assert.Equal(1, count));
        Assert.Empty(await check.Jobs.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HandOffsLeaveHalfABatchOfTheExecutorsRoomToClaims(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("async-set.bpmn");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // One worker and a batch of two: room for three jobs, of which hand-offs may take two.
        await using var node = RuntimeTestHost.Open(host.Database,
            new Dictionary<string, string?> { ["Wbpm:Jobs:Workers"] = "1", ["Wbpm:Jobs:BatchSize"] = "2", ["Wbpm:Jobs:CommitBatchSize"] = "1" },
            services => JobHandlerWrapping.WrapEvery(services, handler => new GatedHandler(handler, gate.Task)));
        using var jobs = new JobCounters(node);
        await StartExecutorAsync(node);

        await using (var starter = node.As("alice", Role.User))
        {
            var service = starter.Get<ProcessInstanceService>();
            for (var i = 0; i < 4; i++)
                await service.StartByKeyAsync("async-set", new StartInstanceRequest($"pi-{i}",
                    new() { ["bookings"] = JsonSerializer.SerializeToElement(0) }), Ct);
        }

        // Two handed over (one held at the gate, one queued); a claim takes the last place; one job waits unlocked.
        await Eventually.TrueAsync(() => Task.FromResult(jobs.Acquired == 1), "a claim gets the place hand-offs leave");
        await using (var db = host.OpenAllTenants())
            Assert.Equal(1, await db.Jobs.CountAsync(j => j.LockOwner == null, Ct));
        gate.SetResult();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.ProcessInstances.CountAsync(i => i.Status == InstanceStatus.Completed, Ct) == 4;
        }, "every instance completes once the gate opens");
        await jobs.ExecutedAsync(4);
        Assert.Equal(2, jobs.Acquired);
    }

    /// <summary>Starts an instance of <paramref name="key"/> with bookings = 0, waits until it completed, returns its bookings.</summary>
    private static async Task<double?> RunToTheEndAsync(RuntimeTestHost host, string key)
    {
        string id;
        await using (var starter = host.As("alice", Role.User))
            id = (await starter.Get<ProcessInstanceService>().StartByKeyAsync(key,
                new StartInstanceRequest(null, new() { ["bookings"] = JsonSerializer.SerializeToElement(0) }), Ct)).Id;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return (await db.ProcessInstances.SingleAsync(i => i.Id == id, Ct)).Status == InstanceStatus.Completed;
        }, $"the {key} instance completes");
        await using var check = host.OpenAllTenants();
        return (await check.InstanceVariables.SingleAsync(v => v.ProcessInstanceId == id && v.Name == "bookings", Ct)).NumberValue;
    }

    private static async Task StartExecutorAsync(RuntimeTestHost host)
    {
        await host.StartExecutorAsync();
        var handOff = host.Get<LocalJobHandOff>();
        await Eventually.TrueAsync(() => Task.FromResult(handOff.IsOpen), "the executor takes handed-over jobs");
    }

    /// <summary>Holds every job's handler until the gate opens.</summary>
    private sealed class GatedHandler(IJobHandler inner, Task gate) : IJobHandler
    {
        public string Kind => inner.Kind;

        public bool SharesCommits => inner.SharesCommits;

        public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            await inner.HandleAsync(job, cancellationToken);
        }
    }

    /// <summary>This host's job counters (its own meter instance: tests run in parallel, each with a host of its own).</summary>
    private sealed class JobCounters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _executed, _acquired, _conflicts;

        public JobCounters(RuntimeTestHost host)
        {
            var meter = host.Get<IMeterFactory>().Create(WbpmMetrics.MeterName);
            host.Get<WbpmMetrics>(); // creates the instruments on that meter
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                switch (instrument.Name)
                {
                    case "wbpm.jobs.executed": Interlocked.Add(ref _executed, value); break;
                    case "wbpm.jobs.acquired": Interlocked.Add(ref _acquired, value); break;
                    case "wbpm.jobs.conflicts": Interlocked.Add(ref _conflicts, value); break;
                }
            });
            _listener.Start();
        }

        /// <summary>Exactly <paramref name="count"/> jobs executed (a job's metric follows its commit, which may already show its instance completed).</summary>
        public async Task ExecutedAsync(long count)
        {
            await Eventually.TrueAsync(() => Task.FromResult(Interlocked.Read(ref _executed) >= count), $"{count} jobs recorded as executed");
            Assert.Equal(count, Interlocked.Read(ref _executed));
        }
        public long Acquired => Interlocked.Read(ref _acquired);
        public long Conflicts => Interlocked.Read(ref _conflicts);

        public void Dispose() => _listener.Dispose();
    }
}
