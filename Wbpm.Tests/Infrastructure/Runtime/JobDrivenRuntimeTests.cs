using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>Async continuations, timers and call activities driven by real job executors (two nodes on one database).</summary>
public sealed class JobDrivenRuntimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AParallelJoinHitByTwoExecutorsCompletes200InstancesAndRunsTheStepAfterTheJoinOnceEach(DatabaseProvider provider)
    {
        await using var node1 = await RuntimeTestHost.CreateAsync(provider);
        await using var node2 = RuntimeTestHost.Attach(node1);
        await node1.DeployAsync("parallel-async.bpmn");
        await using (var starter = node1.As("alice", Role.User))
        {
            var instances = starter.Get<ProcessInstanceService>();
            for (var i = 0; i < 200; i++)
                await instances.StartByKeyAsync("parallel-async", new StartInstanceRequest($"pi-{i}", null), Ct);
        }

        await node1.StartExecutorAsync();
        await node2.StartExecutorAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = node1.OpenAllTenants();
            return await db.ProcessInstances.CountAsync(i => i.Status == InstanceStatus.Completed, Ct) == 200;
        }, "all 200 instances complete");

        await using var check = node1.OpenAllTenants();
        var afterRuns = await check.HistoryEvents.Where(h => h.ElementId == "after" && h.Kind == HistoryEventKind.Completed)
            .GroupBy(h => h.ProcessInstanceId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(200, afterRuns.Count);
        Assert.All(afterRuns, count => Assert.Equal(1, count));
        Assert.Empty(await check.Jobs.ToListAsync(Ct));
        Assert.Empty(await check.Incidents.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ATimerWatchedByTwoExecutorsFiresOnce(DatabaseProvider provider)
    {
        var clock = new ManualTimeProvider(T0);
        await using var node1 = await RuntimeTestHost.CreateAsync(provider, clock);
        await using var node2 = RuntimeTestHost.Attach(node1, clock);
        await node1.DeployAsync("timer-wait.bpmn");
        string instanceId;
        await using (var starter = node1.As("alice", Role.User))
            instanceId = (await starter.Get<ProcessInstanceService>().StartByKeyAsync("timer-wait", new StartInstanceRequest(null, null), Ct)).Id;
        await node1.StartExecutorAsync();
        await node2.StartExecutorAsync();
        await using (var db = node1.OpenAllTenants())
        {
            var timer = await db.Jobs.SingleAsync(Ct);
            Assert.Equal(T0.AddHours(1), timer.DueAt);
            Assert.Equal(InstanceStatus.Active, (await db.ProcessInstances.SingleAsync(Ct)).Status);
        }

        clock.Advance(TimeSpan.FromHours(2));
        node1.Get<IJobWakeUp>().Notify();
        node2.Get<IJobWakeUp>().Notify();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = node1.OpenAllTenants();
            return (await db.ProcessInstances.SingleAsync(Ct)).Status == InstanceStatus.Completed;
        }, "the timer fires and the instance completes");

        await using var check = node1.OpenAllTenants();
        Assert.Single(await check.HistoryEvents.Where(h => h.ElementId == "wait" && h.Kind == HistoryEventKind.Completed).ToListAsync(Ct));
        Assert.Single(await check.HistoryEvents.Where(h => h.ElementId == "end" && h.Kind == HistoryEventKind.Completed).ToListAsync(Ct));
        Assert.Empty(await check.Jobs.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ACallActivityStartsItsChildThroughTheOutboxAndContinuesWithItsResult(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("call-parent.bpmn", "call-child.bpmn");
        await host.StartExecutorAsync();
        string parentId;
        await using (var starter = host.As("alice", Role.User))
            parentId = (await starter.Get<ProcessInstanceService>().StartByKeyAsync("call-parent",
                new StartInstanceRequest("case-1", new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(21) }), Ct)).Id;

        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return (await db.ProcessInstances.SingleAsync(i => i.Id == parentId, Ct)).Status == InstanceStatus.Completed;
        }, "the parent completes after its child");

        await using var check = host.OpenAllTenants();
        var child = await check.ProcessInstances.SingleAsync(i => i.ParentInstanceId == parentId, Ct);
        Assert.Equal(("call-child", InstanceStatus.Completed), (child.DefinitionKey, child.Status));
        await using var ops = host.As("olga", Role.Operator);
        var parent = await ops.Get<ProcessInstanceService>().GetAsync(parentId, Ct);
        Assert.Equal(42, parent.Variables["childResult"].GetInt32());
        Assert.Empty(await check.Jobs.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CancellingAParentCancelsItsWaitingChildThroughTheOutbox(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("call-parent.bpmn");
        // The child waits for a message, so it is still running when the parent is cancelled.
        await host.DeployAsync(WaitingChild());
        await host.StartExecutorAsync();
        string parentId;
        await using (var starter = host.As("alice", Role.User))
            parentId = (await starter.Get<ProcessInstanceService>().StartByKeyAsync("call-parent", new StartInstanceRequest(null, null), Ct)).Id;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.ProcessInstances.AnyAsync(i => i.ParentInstanceId == parentId, Ct);
        }, "the child starts");

        await using (var ops = host.As("olga", Role.Operator))
            await ops.Get<ProcessInstanceService>().CancelAsync(parentId, "no longer needed", Ct);

        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return (await db.ProcessInstances.SingleAsync(i => i.ParentInstanceId == parentId, Ct)).Status == InstanceStatus.Cancelled;
        }, "the child is cancelled");
        await using var check = host.OpenAllTenants();
        Assert.Equal(InstanceStatus.Cancelled, (await check.ProcessInstances.SingleAsync(i => i.Id == parentId, Ct)).Status);
        Assert.Empty(await check.EventSubscriptions.Where(s => s.ProcessInstanceId != null).ToListAsync(Ct));
    }

    private static string WaitingChild()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "runtime", "call-child-waiting.bpmn");
        return Path.GetFileName(path);
    }
}
