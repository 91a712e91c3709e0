using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>
/// A real crash in the middle of a process step: a child process (this test assembly, one test selected) runs the
/// real runtime's job executor on an instance's asyncBefore step; its handler stages the engine command and the
/// child is killed with SIGKILL before the commit. After the dead worker's lock expires another node runs the step:
/// the instance completes once, the step's output is applied once, and its history shows it once.
/// </summary>
public sealed class CrashedRuntimeJobTests
{
    private const string ChildDatabase = "WBPM_RUNTIME_CRASH_DATABASE";
    private const string ChildProvider = "WBPM_RUNTIME_CRASH_PROVIDER";
    private const string ChildMarker = "WBPM_RUNTIME_CRASH_MARKER";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnInstanceWhoseStepWasKilledMidJobCompletesOnceAfterTheLockExpires(DatabaseProvider provider)
    {
        await using var node = await RuntimeTestHost.CreateAsync(provider);
        await node.DeployAsync("async-set.bpmn");
        string instanceId;
        await using (var alice = node.As("alice", Role.User))
            instanceId = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("async-set",
                new StartInstanceRequest("crash-1", new Dictionary<string, JsonElement> { ["bookings"] = JsonSerializer.SerializeToElement(0) }), Ct)).Id;
        var marker = Path.Combine(Path.GetTempPath(), $"wbpm-runtime-crash-{Guid.NewGuid():N}");

        var output = new System.Text.StringBuilder();
        using (var child = StartChild(node.Database, marker, output))
        {
            try
            {
                await Eventually.TrueAsync(() => Task.FromResult(File.Exists(marker) || child.HasExited), "the child process staged the step");
                Assert.False(child.HasExited, $"The child process ended before its handler staged the step:\n{output}");
            }
            finally
            {
                child.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs, the lock stays behind
                await child.WaitForExitAsync(Ct);
            }
        }
        File.Delete(marker);

        Job orphan;
        await using (var db = node.OpenAllTenants())
        {
            orphan = await db.Jobs.SingleAsync(Ct);
            Assert.NotNull(orphan.LockOwner);
            Assert.Equal(InstanceStatus.Active, (await db.ProcessInstances.SingleAsync(Ct)).Status);
            Assert.Empty(await db.HistoryEvents.Where(h => h.ElementId == "book" && h.Kind == HistoryEventKind.Completed).ToListAsync(Ct));
        }

        // Another node, whose clock is past the dead worker's lock expiry.
        var afterExpiry = new ManualTimeProvider(orphan.LockExpiresAt!.Value.AddSeconds(1));
        await using var survivor = RuntimeTestHost.Attach(node, afterExpiry);
        await survivor.StartExecutorAsync();
        survivor.Get<IJobWakeUp>().Notify();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = node.OpenAllTenants();
            return (await db.ProcessInstances.SingleAsync(Ct)).Status == InstanceStatus.Completed;
        }, "the orphaned step runs and the instance completes");

        await using var check = node.OpenAllTenants();
        Assert.Single(await check.HistoryEvents.Where(h => h.ElementId == "book" && h.Kind == HistoryEventKind.Completed).ToListAsync(Ct));
        Assert.Single(await check.HistoryEvents.Where(h => h.ElementId == "end" && h.Kind == HistoryEventKind.Completed).ToListAsync(Ct));
        Assert.Empty(await check.Jobs.ToListAsync(Ct));
        Assert.Empty(await check.Incidents.ToListAsync(Ct));
        var instance = await check.ProcessInstances.SingleAsync(i => i.Id == instanceId, Ct);
        Assert.Equal(1m, instance.State().ProcessVariables["bookings"].GetDecimal());
    }

    /// <summary>The child's side: runs only when the crash test starts this assembly as a child process.</summary>
    [Fact]
    public async Task ChildProcessStagesTheStepAndHangsUntilKilled()
    {
        var connectionString = Environment.GetEnvironmentVariable(ChildDatabase);
        if (string.IsNullOrEmpty(connectionString))
            Assert.Skip("Runs only as the child process of the runtime crash test.");
        var database = new TestDatabase(Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable(ChildProvider)!), connectionString, () => Task.CompletedTask);
        var marker = Environment.GetEnvironmentVariable(ChildMarker)!;
        await using var node = RuntimeTestHost.Open(database, new Dictionary<string, string?> { ["Wbpm:Jobs:LockDuration"] = "00:01:00" },
            services => JobHandlerWrapping.WrapEvery(services, handler => new HangAfterStaging(handler, marker)));
        await node.StartExecutorAsync();
        await Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken);
    }

    /// <summary>The real handler stages its changes; then the process "crashes" before the executor commits them.</summary>
    private sealed class HangAfterStaging(IJobHandler inner, string marker) : IJobHandler
    {
        public string Kind => inner.Kind;

        public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
        {
            await inner.HandleAsync(job, cancellationToken);
            await File.WriteAllTextAsync(marker, job.LockOwner, CancellationToken.None);
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }
    }

    private static Process StartChild(TestDatabase database, string marker, System.Text.StringBuilder output) =>
        ChildTestProcess.Start(typeof(CrashedRuntimeJobTests), nameof(ChildProcessStagesTheStepAndHangsUntilKilled),
            new Dictionary<string, string> { [ChildDatabase] = database.ConnectionString, [ChildProvider] = database.Provider.ToString(), [ChildMarker] = marker }, output);
}
