using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Jobs;

/// <summary>
/// The job executor against a real SQLite file and a real PostgreSQL: exactly-once under two executors, retries
/// spaced by the retry cycle (on a clock the test moves), incidents, expired locks, exclusive jobs, conflicts and
/// shutdown. Executors here are real hosted services polling real databases.
/// </summary>
public sealed class JobExecutorReliabilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoExecutorsRunEachOf2000DueJobsExactlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await JobTable.UseWalAsync(database);
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        // Half of the jobs belong to 100 instances (exclusive), half to none.
        await JobTable.AddAsync(database, Enumerable.Range(0, 2000).Select(i =>
            JobTable.New($"job-{i:D4}", "count", due, instance: i % 2 == 0 ? $"pi-{i % 200}" : null)));
        var runs = new ConcurrentDictionary<string, int>();
        var handler = new DelegateJobHandler("count", (execution, _) =>
        {
            runs.AddOrUpdate(execution.Job.Id, 1, (_, n) => n + 1);
            // The handler's own change commits with the job's completion: one audit row per completed job.
            execution.Db.AuditEntries.Add(new AuditEntry(execution.Job.TenantId, execution.Now, "executor", "executor",
                "test.job-ran", "Job", execution.Job.Id, null, null));
            return Task.CompletedTask;
        });

        await using (var first = await ExecutorHost.StartAsync(database, TimeProvider.System, o => o.BatchSize = 16, handler))
        await using (var second = await ExecutorHost.StartAsync(database, TimeProvider.System, o => o.BatchSize = 16, handler))
        {
            await Eventually.TrueAsync(async () => await JobTable.CountAsync(database) == 0, "all 2,000 jobs completed");
        }

        Assert.Equal(2000, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        var committed = await db.AuditEntries.Where(a => a.Action == "test.job-ran").Select(a => a.EntityId).ToListAsync();
        Assert.Equal(2000, committed.Count);
        Assert.Equal(2000, committed.Distinct().Count());
        Assert.Empty(await db.Incidents.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AFailingJobIsTriedThreeTimesByTheRetryCycleThenRaisesOneIncidentAndCompletesWhenRetried(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await SeedTenantAsync(database);
        var clock = new ManualTimeProvider(T0);
        await JobTable.AddAsync(database, [JobTable.New("flaky", "flaky", T0, instance: "pi-1", retryCycle: "R3/PT10S")]);
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        var failing = true;
        var handler = new DelegateJobHandler("flaky", (execution, _) =>
        {
            attempts.Enqueue(execution.Now);
            return Volatile.Read(ref failing) ? throw new InvalidOperationException("The payment service said no.") : Task.CompletedTask;
        });
        await using var host = await ExecutorHost.StartAsync(database, clock, null, handler);

        await WaitForRetriesAsync(database, 2);
        Assert.Equal(T0.AddSeconds(10), (await JobTable.FindAsync(database, "flaky"))!.DueAt);
        clock.Advance(TimeSpan.FromSeconds(10));
        host.WakeUp.Notify();
        await WaitForRetriesAsync(database, 1);
        clock.Advance(TimeSpan.FromSeconds(10));
        host.WakeUp.Notify();
        await WaitForRetriesAsync(database, 0);

        Assert.Equal([T0, T0.AddSeconds(10), T0.AddSeconds(20)], attempts.ToArray());
        var incident = Assert.Single(await JobTable.IncidentsAsync(database));
        Assert.Equal((IncidentStatus.Open, "flaky", "pi-1", "Task_1"), (incident.Status, incident.JobId, incident.ProcessInstanceId, incident.ElementId));
        Assert.Contains("The payment service said no.", incident.Message);
        Assert.Contains("The payment service said no.", (await JobTable.FindAsync(database, "flaky"))!.LastError);

        // An operator retries it; the cause is gone, so it completes and the incident is resolved.
        Volatile.Write(ref failing, false);
        await OperationsFor(database, clock, host.WakeUp).SetRetriesAsync("flaky", 1);
        await Eventually.TrueAsync(async () => await JobTable.FindAsync(database, "flaky") is null, "the retried job completed");

        Assert.Equal(4, attempts.Count);
        var resolved = Assert.Single(await JobTable.IncidentsAsync(database));
        Assert.Equal((IncidentStatus.Resolved, "operator-1"), (resolved.Status, resolved.ResolvedBy));
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "job.retries-set" && a.EntityId == "flaky").ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AJobWhoseWorkerCrashedRunsAgainAfterItsLockExpiresAndCompletesOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var clock = new ManualTimeProvider(T0);
        var crashed = JobTable.New("crashed", "count", T0.AddMinutes(-10));
        crashed.Lock("dead-node/1/abc", T0.AddMinutes(-10), TimeSpan.FromMinutes(5)); // expired five minutes ago
        var held = JobTable.New("held", "count", T0.AddMinutes(-10));
        held.Lock("live-node/1/def", T0.AddMinutes(-1), TimeSpan.FromMinutes(5)); // still locked for four minutes
        await JobTable.AddAsync(database, [crashed, held]);
        var runs = new ConcurrentDictionary<string, int>();
        var handler = new DelegateJobHandler("count", (execution, _) =>
        {
            runs.AddOrUpdate(execution.Job.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });

        await using (await ExecutorHost.StartAsync(database, clock, null, handler))
            await Eventually.TrueAsync(async () => await JobTable.FindAsync(database, "crashed") is null, "the crashed job completed");

        Assert.Equal(1, runs["crashed"]);
        Assert.False(runs.ContainsKey("held"));
        Assert.Equal("live-node/1/def", (await JobTable.FindAsync(database, "held"))!.LockOwner);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExclusiveJobsOfOneInstanceNeverOverlapEvenAcrossExecutors(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await JobTable.UseWalAsync(database);
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        await JobTable.AddAsync(database, Enumerable.Range(0, 90).Select(i => JobTable.New($"job-{i:D2}", "exclusive", due, instance: $"pi-{i % 3}")));
        var inside = new ConcurrentDictionary<string, int>();
        var overlaps = new ConcurrentBag<string>();
        var runs = new ConcurrentDictionary<string, int>();
        var handler = new DelegateJobHandler("exclusive", async (execution, ct) =>
        {
            var instance = execution.Job.ProcessInstanceId!;
            if (inside.AddOrUpdate(instance, 1, (_, n) => n + 1) > 1)
                overlaps.Add(instance);
            await Task.Delay(2, ct); // widen the window in which an overlap would be seen
            inside.AddOrUpdate(instance, 0, (_, n) => n - 1);
            runs.AddOrUpdate(execution.Job.Id, 1, (_, n) => n + 1);
        });

        await using (await ExecutorHost.StartAsync(database, TimeProvider.System, o => o.Workers = 6, handler))
        await using (await ExecutorHost.StartAsync(database, TimeProvider.System, o => o.Workers = 6, handler))
            await Eventually.TrueAsync(async () => await JobTable.CountAsync(database) == 0, "all exclusive jobs completed");

        Assert.Empty(overlaps);
        Assert.Equal(90, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AConcurrencyConflictReleasesTheJobWithoutSpendingARetry(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await SeedTenantAsync(database);
        var clock = new ManualTimeProvider(T0); // never advanced: a retry spent would push the job 10 s away
        await JobTable.AddAsync(database, [JobTable.New("rename", "rename", T0, instance: "pi-1")]);
        var retriesSeen = new ConcurrentQueue<int>();
        var handler = new DelegateJobHandler("rename", async (execution, ct) =>
        {
            retriesSeen.Enqueue(execution.Job.RetriesLeft);
            var user = await execution.Db.Users.SingleAsync(u => u.Id == "operator-1", ct);
            user.DisplayName = $"Renamed by attempt {retriesSeen.Count}";
            if (retriesSeen.Count == 1)
                await RenameBehindTheHandlersBackAsync(database); // another command wins: the stamp changes
        });

        await using (await ExecutorHost.StartAsync(database, clock, null, handler))
            await Eventually.TrueAsync(async () => await JobTable.FindAsync(database, "rename") is null, "the job completed on its second attempt");

        Assert.Equal([3, 3], retriesSeen.ToArray());
        Assert.Empty(await JobTable.IncidentsAsync(database));
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        Assert.Equal("Renamed by attempt 2", (await db.Users.SingleAsync(u => u.Id == "operator-1")).DisplayName);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ShutdownReleasesTheLocksOfRunningAndQueuedJobsWithoutSpendingRetries(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var clock = new ManualTimeProvider(T0);
        string[] ids = ["slow-1", "slow-2", "slow-3"];
        await JobTable.AddAsync(database, ids.Select(id => JobTable.New(id, "slow", T0)));
        var started = new ConcurrentDictionary<string, bool>();
        var handler = new DelegateJobHandler("slow", async (execution, ct) =>
        {
            started[execution.Job.Id] = true;
            await Task.Delay(Timeout.Infinite, ct); // only shutdown ends it
        });
        // One worker: one job runs, the other two wait claimed in the executor's local queue.
        var host = await ExecutorHost.StartAsync(database, clock, o => { o.Workers = 1; o.ShutdownGracePeriod = TimeSpan.Zero; }, handler);
        await Eventually.TrueAsync(async () => started.Count == 1 && await LockedCountAsync(database) == 3, "one job running, two queued");

        await host.DisposeAsync();

        Assert.Single(started);
        foreach (var id in ids)
        {
            var job = (await JobTable.FindAsync(database, id))!;
            Assert.Equal(((string?)null, (DateTimeOffset?)null, 3, T0, (string?)null), (job.LockOwner, job.LockExpiresAt, job.RetriesLeft, job.DueAt, job.LastError));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ShutdownLetsRunningJobsFinishWithinTheGracePeriod(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await JobTable.AddAsync(database, [JobTable.New("finishing", "gate", T0)]);
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        var handler = new DelegateJobHandler("gate", async (_, _) =>
        {
            started.TrySetResult();
            await gate.Task; // ignores cancellation on purpose: only the gate ends it
        });
        var host = await ExecutorHost.StartAsync(database, new ManualTimeProvider(T0), o => o.ShutdownGracePeriod = TimeSpan.FromMinutes(1), handler);
        await started.Task;

        var stopping = host.StopAsync();
        gate.SetResult();
        await stopping;
        await host.DisposeAsync();

        Assert.Null(await JobTable.FindAsync(database, "finishing"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AJobOfAnUnknownKindFailsWithAClearMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await JobTable.AddAsync(database, [JobTable.New("mystery", "no-such-kind", T0)]);

        await using (await ExecutorHost.StartAsync(database, new ManualTimeProvider(T0), null))
            await WaitForRetriesAsync(database, 2, "mystery");

        var job = (await JobTable.FindAsync(database, "mystery"))!;
        Assert.Equal("No job handler is registered for the kind 'no-such-kind'.", job.LastError);
        Assert.Equal(T0.AddSeconds(10), job.DueAt);
    }

    private static async Task WaitForRetriesAsync(TestDatabase database, int retriesLeft, string id = "flaky") =>
        await Eventually.TrueAsync(async () => await JobTable.FindAsync(database, id) is { LockOwner: null } job && job.RetriesLeft == retriesLeft,
            $"job {id} unlocked with {retriesLeft} retries left");

    private static async Task<int> LockedCountAsync(TestDatabase database)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        return await db.Jobs.CountAsync(j => j.LockOwner != null);
    }

    private static JobOperations OperationsFor(TestDatabase database, TimeProvider clock, IJobWakeUp wakeUp)
    {
        var user = new ClaimsCurrentUser();
        user.Set(TestPrincipals.With(JobTable.Tenant, "operator-1", Role.Operator));
        return new JobOperations(new TenantDbContextFactory(database.Factory, user), user, new AuditTrail(user, clock), clock, wakeUp);
    }

    private static async Task SeedTenantAsync(TestDatabase database)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        db.Tenants.Add(new Tenant(JobTable.Tenant, "Tenant A", T0));
        db.Users.Add(new WbpmUser
        {
            Id = "operator-1", TenantId = JobTable.Tenant, UserName = "operator-1", NormalizedUserName = "OPERATOR-1",
            DisplayName = "Olga Operator", SecurityStamp = Guid.NewGuid().ToString(), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = T0,
        });
        await db.SaveChangesAsync();
    }

    private static async Task RenameBehindTheHandlersBackAsync(TestDatabase database)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        var user = await db.Users.SingleAsync(u => u.Id == "operator-1");
        user.DisplayName = "Renamed by someone else";
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync();
    }
}
