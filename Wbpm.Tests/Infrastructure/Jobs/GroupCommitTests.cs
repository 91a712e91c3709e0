using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Jobs;

/// <summary>
/// Group commit: jobs of different instances whose handlers share commits run in one context with one commit. When
/// one of them fails or conflicts, nothing of the batch is saved, and each job run alone gets exactly the outcome it
/// would have had without batching: the others commit once, the failing one spends a retry, the conflicting one is
/// released without spending one.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ABatchWithAFailingJobSavesNothingAndRunAloneTheOthersCommitOnceAndTheFailingOneSpendsARetry(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await JobTable.AddAsync(database, Enumerable.Range(0, 5).Select(i => JobTable.New($"step-{i}", "step", T0, instance: $"pi-{i}", retryCycle: "R3/PT10S")));
        var handler = new DelegateJobHandler("step", (execution, _) =>
        {
            Audit(execution);
            return execution.Job.Id == "step-2" ? throw new InvalidOperationException("The credit check said no.") : Task.CompletedTask;
        }, sharesCommits: true);
        await using var host = await ExecutorHost.StartAsync(database, new ManualTimeProvider(T0), o => o.Enabled = false, handler);
        var jobs = await ClaimAsync(host, 5);
        var runner = host.Get<JobRunner>();

        Assert.False(await runner.TryRunBatchAsync(jobs, Ct));
        Assert.Empty(await AuditedJobsAsync(database));
        Assert.Equal(5, await JobTable.CountAsync(database));

        var outcomes = new List<JobRunOutcome>();
        foreach (var job in jobs.OrderBy(j => j.Id))
            outcomes.Add(await runner.RunAsync(job, Ct));
        Assert.Equal([JobRunOutcome.Completed, JobRunOutcome.Completed, JobRunOutcome.Failed, JobRunOutcome.Completed, JobRunOutcome.Completed], outcomes);
        Assert.Equal(["step-0", "step-1", "step-3", "step-4"], await AuditedJobsAsync(database));
        var failed = (await JobTable.FindAsync(database, "step-2"))!;
        Assert.Equal((2, T0.AddSeconds(10), (string?)null), (failed.RetriesLeft, failed.DueAt, failed.LockOwner));
        Assert.Contains("The credit check said no.", failed.LastError);
        Assert.Empty(await JobTable.IncidentsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ABatchWithAConflictingJobSavesNothingAndRunAloneTheConflictingOneIsReleasedWithoutSpendingARetry(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await JobTable.AddAsync(database, Enumerable.Range(0, 4).Select(i => JobTable.New($"step-{i}", "step", T0, instance: $"pi-{i}")));
        var handler = new DelegateJobHandler("step", async (execution, ct) =>
        {
            Audit(execution);
            if (execution.Job.Id != "step-1")
                return;
            var user = await execution.Db.Users.SingleAsync(u => u.Id == "operator-1", ct);
            user.DisplayName = "Renamed by the job";
            await RenameBehindTheHandlersBackAsync(database); // another command wins every time
        }, sharesCommits: true);
        await using var host = await ExecutorHost.StartAsync(database, new ManualTimeProvider(T0), o => o.Enabled = false, handler);
        var jobs = await ClaimAsync(host, 4);
        var runner = host.Get<JobRunner>();

        Assert.False(await runner.TryRunBatchAsync(jobs, Ct));
        Assert.Empty(await AuditedJobsAsync(database));

        var outcomes = new List<JobRunOutcome>();
        foreach (var job in jobs.OrderBy(j => j.Id))
            outcomes.Add(await runner.RunAsync(job, Ct));
        Assert.Equal([JobRunOutcome.Completed, JobRunOutcome.Conflict, JobRunOutcome.Completed, JobRunOutcome.Completed], outcomes);
        Assert.Equal(["step-0", "step-2", "step-3"], await AuditedJobsAsync(database));
        var conflicted = (await JobTable.FindAsync(database, "step-1"))!;
        Assert.Equal((3, T0, (string?)null), (conflicted.RetriesLeft, conflicted.DueAt, conflicted.LockOwner));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ABatchThatCommitsCompletesEveryJobOnce(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await JobTable.AddAsync(database, Enumerable.Range(0, 6).Select(i => JobTable.New($"step-{i}", "step", T0, instance: $"pi-{i}")));
        var handler = new DelegateJobHandler("step", (execution, _) => { Audit(execution); return Task.CompletedTask; }, sharesCommits: true);
        await using var host = await ExecutorHost.StartAsync(database, new ManualTimeProvider(T0), o => o.Enabled = false, handler);

        Assert.True(await host.Get<JobRunner>().TryRunBatchAsync(await ClaimAsync(host, 6), Ct));

        Assert.Equal(0, await JobTable.CountAsync(database));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"step-{i}"), await AuditedJobsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TheExecutorCompletesEveryOtherJobOnceWhileOneJobOfTheQueueKeepsFailing(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await JobTable.UseWalAsync(database);
        await JobTable.AddAsync(database, Enumerable.Range(0, 60).Select(i => JobTable.New($"step-{i:D2}", "step", T0, instance: $"pi-{i}", retryCycle: "R3/PT10S")));
        var handler = new DelegateJobHandler("step", (execution, _) =>
        {
            Audit(execution);
            return execution.Job.Id == "step-17" ? throw new InvalidOperationException("Always broken.") : Task.CompletedTask;
        }, sharesCommits: true);

        // The clock never moves: the failing job's retry waits 10 s, so it ends with exactly one retry spent.
        await using (await ExecutorHost.StartAsync(database, new ManualTimeProvider(T0), o => o.Workers = 2, handler))
            await Eventually.TrueAsync(async () => await JobTable.CountAsync(database) == 1
                && (await JobTable.FindAsync(database, "step-17"))!.LockOwner is null, "every job but the failing one completed");

        Assert.Equal(Enumerable.Range(0, 60).Where(i => i != 17).Select(i => $"step-{i:D2}"), await AuditedJobsAsync(database));
        Assert.Equal(2, (await JobTable.FindAsync(database, "step-17"))!.RetriesLeft);
    }

    private static void Audit(JobExecution execution) =>
        execution.Db.AuditEntries.Add(new AuditEntry(execution.Job.TenantId, execution.Now, "executor", "executor", "test.job-ran", "Job",
            execution.Job.Id, null, null));

    /// <summary>The jobs whose handler's change committed, one entry per commit, in id order.</summary>
    private static async Task<List<string>> AuditedJobsAsync(TestDatabase database)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        return await db.AuditEntries.Where(a => a.Action == "test.job-ran").Select(a => a.EntityId).OrderBy(id => id).ToListAsync(Ct);
    }

    private static async Task<IReadOnlyList<Job>> ClaimAsync(ExecutorHost host, int expected)
    {
        var claimed = await host.Get<JobAcquisition>().AcquireAsync("test-owner", 32, TimeSpan.FromMinutes(5), Ct);
        Assert.Equal(expected, claimed.Jobs.Count);
        return claimed.Jobs;
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateAsync(provider);
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        db.Tenants.Add(new Tenant(JobTable.Tenant, "Tenant A", T0));
        db.Users.Add(new WbpmUser
        {
            Id = "operator-1", TenantId = JobTable.Tenant, UserName = "operator-1", NormalizedUserName = "OPERATOR-1",
            DisplayName = "Olga Operator", SecurityStamp = Guid.NewGuid().ToString(), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = T0,
        });
        await db.SaveChangesAsync(Ct);
        return database;
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
