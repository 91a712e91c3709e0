using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Jobs;

/// <summary>
/// A real crash: a child process (this test assembly, run by `dotnet` with one test selected) claims a job and is
/// killed with SIGKILL in the middle of its handler. The job keeps the dead worker's lock; once the lock expires
/// another executor runs it, and its effect commits exactly once.
/// </summary>
public sealed class CrashedWorkerTests
{
    private const string ChildDatabase = "WBPM_CRASH_CHILD_DATABASE";
    private const string ChildProvider = "WBPM_CRASH_CHILD_PROVIDER";
    private const string ChildMarker = "WBPM_CRASH_CHILD_MARKER";
    private static readonly TimeSpan ChildLockDuration = TimeSpan.FromMinutes(1);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AJobWhoseProcessWasKilledMidJobRunsAgainAfterItsLockExpiresAndCommitsOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await JobTable.AddAsync(database, [JobTable.New("crash-me", "crash", DateTimeOffset.UtcNow.AddSeconds(-1))]);
        var marker = Path.Combine(Path.GetTempPath(), $"wbpm-crash-{Guid.NewGuid():N}");

        var output = new System.Text.StringBuilder();
        using (var child = StartChild(database, marker, output))
        {
            try
            {
                await Eventually.TrueAsync(() => Task.FromResult(File.Exists(marker) || child.HasExited), "the child process started the job");
                Assert.False(child.HasExited, $"The child process ended before its handler started:\n{output}");
            }
            finally
            {
                child.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs, the lock stays behind
                await child.WaitForExitAsync();
            }
        }
        File.Delete(marker);
        var orphan = (await JobTable.FindAsync(database, "crash-me"))!;
        Assert.NotNull(orphan.LockOwner);
        Assert.Equal(3, orphan.RetriesLeft);

        // Another node, whose clock is past the dead worker's lock expiry.
        var afterExpiry = new ManualTimeProvider(orphan.LockExpiresAt!.Value.AddSeconds(1));
        var runs = 0;
        await using (await ExecutorHost.StartAsync(database, afterExpiry, null, new DelegateJobHandler("crash", (execution, _) =>
        {
            Interlocked.Increment(ref runs);
            AddEffect(execution);
            return Task.CompletedTask;
        })))
        {
            await Eventually.TrueAsync(async () => await JobTable.FindAsync(database, "crash-me") is null, "the orphaned job completed");
        }

        Assert.Equal(1, runs);
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "test.crash-job-ran"));
    }

    /// <summary>The child's side: runs only when the crash test starts this assembly as a child process.</summary>
    [Fact]
    public async Task ChildProcessClaimsTheJobAndHangsUntilKilled()
    {
        var connectionString = Environment.GetEnvironmentVariable(ChildDatabase);
        if (string.IsNullOrEmpty(connectionString))
            Assert.Skip("Runs only as the child process of the crash test.");
        var database = new TestDatabase(Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable(ChildProvider)!), connectionString, () => Task.CompletedTask);
        var marker = Environment.GetEnvironmentVariable(ChildMarker)!;
        await using var host = await ExecutorHost.StartAsync(database, TimeProvider.System, o => o.LockDuration = ChildLockDuration,
            new DelegateJobHandler("crash", async (execution, _) =>
            {
                AddEffect(execution); // staged, never committed: the process dies first
                await File.WriteAllTextAsync(marker, execution.LockOwner, CancellationToken.None);
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }));
        await Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken);
    }

    private static void AddEffect(JobExecution execution) =>
        execution.Db.AuditEntries.Add(new AuditEntry(execution.Job.TenantId, execution.Now, "executor", "executor",
            "test.crash-job-ran", "Job", execution.Job.Id, null, null));

    private static Process StartChild(TestDatabase database, string marker, System.Text.StringBuilder output) =>
        ChildTestProcess.Start(typeof(CrashedWorkerTests), nameof(ChildProcessClaimsTheJobAndHangsUntilKilled),
            new Dictionary<string, string> { [ChildDatabase] = database.ConnectionString, [ChildProvider] = database.Provider.ToString(), [ChildMarker] = marker }, output);
}
