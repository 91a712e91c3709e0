using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>Start -> a user task row with candidates -> complete -> completed instance with history; racing completions.</summary>
public sealed class UserTaskLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStarterIsTheInitiatorVariableUnlessTheCallerSetsOne()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("approval.bpmn");

        string implicitId, explicitId;
        await using (var alice = host.As("alice", Role.User))
        {
            implicitId = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct)).Id;
            explicitId = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval",
                new StartInstanceRequest(null, new() { ["initiator"] = JsonSerializer.SerializeToElement("carol") }), Ct)).Id;
        }

        await using var ops = host.As("olga", Role.Operator);
        Assert.Equal("alice", (await ops.Get<ProcessInstanceService>().GetAsync(implicitId, Ct)).Variables["initiator"].GetString());
        Assert.Equal("carol", (await ops.Get<ProcessInstanceService>().GetAsync(explicitId, Ct)).Variables["initiator"].GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StartingCreatesATaskRowWithCandidatesAndCompletingItEndsTheInstanceWithHistoryInStartOrder(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("approval.bpmn");

        string instanceId;
        await using (var alice = host.As("alice", Role.User))
            instanceId = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval",
                new StartInstanceRequest("order-7", new() { ["amount"] = JsonSerializer.SerializeToElement(120) }), Ct)).Id;

        await using (var bob = host.As("bob", Role.User))
        {
            var tasks = await bob.Get<TaskService>().ListAsync(new TaskQuery(null, "managers", null, "open"), Ct);
            var task = Assert.Single(tasks);
            Assert.Equal(("review", "Review request", "Approval", "order-7", 70), (task.ElementId, task.Name, task.ProcessName, task.BusinessKey, task.Priority));
            Assert.Equal(["managers"], task.CandidateGroups);
            Assert.Equal(["carol"], task.CandidateUsers);
            await bob.Get<TaskService>().CompleteAsync(task.Id, new Dictionary<string, JsonElement> { ["approved"] = JsonSerializer.SerializeToElement(true) }, Ct);
        }

        await using var ops = host.As("olga", Role.Operator);
        var details = await ops.Get<ProcessInstanceService>().GetAsync(instanceId, Ct);
        Assert.Equal("completed", details.Status);
        Assert.True(details.Variables["approved"].GetBoolean());
        Assert.Equal(120, details.Variables["amount"].GetInt32());
        Assert.Empty(details.ActiveElements);
        var history = await ops.Get<ProcessInstanceService>().HistoryAsync(instanceId, Ct);
        Assert.Equal(["start", "review", "end"], history.Select(h => h.ElementId));
        Assert.All(history, h => Assert.Equal("completed", h.State));
        await using var db = host.OpenAllTenants();
        var row = await db.UserTasks.SingleAsync(Ct);
        Assert.Equal((UserTaskStatus.Completed, "bob"), (row.Status, row.CompletedBy));
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "task.completed").ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EightConcurrentCompletionsOfOneTaskGiveOneSuccessAndSevenClearConflicts(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("approval.bpmn");
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct);
        string taskId;
        await using (var db = host.OpenAllTenants())
            taskId = (await db.UserTasks.SingleAsync(Ct)).Id;

        using var start = new Barrier(8);
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var user = host.As($"op{i}", Role.Operator);
            var service = user.Get<TaskService>();
            start.SignalAndWait(Ct);
            try
            {
                await service.CompleteAsync(taskId, null, Ct);
                return (Exception?)null;
            }
            catch (Exception e)
            {
                return e;
            }
        }, Ct)).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        var conflicts = outcomes.Where(o => o is not null).ToList();
        Assert.Equal(7, conflicts.Count);
        await using var check = host.OpenAllTenants();
        var winner = (await check.UserTasks.SingleAsync(Ct)).CompletedBy;
        Assert.All(conflicts, c =>
        {
            var conflict = Assert.IsType<TaskAlreadyCompletedException>(c);
            Assert.Equal(winner, conflict.CompletedBy);
            Assert.Contains($"already completed by {winner}", conflict.Message);
        });
        Assert.Single(await check.HistoryEvents.Where(h => h.ElementId == "review" && h.Kind == HistoryEventKind.Completed).ToListAsync(Ct));
        Assert.Equal(InstanceStatus.Completed, (await check.ProcessInstances.SingleAsync(Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ClaimingIsForCandidatesAndOnlyTheAssigneeOrAManagerMayComplete(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("approval.bpmn");
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct);
        string taskId;
        await using (var db = host.OpenAllTenants())
            taskId = (await db.UserTasks.SingleAsync(Ct)).Id;

        await using var aliceScope = host.As("alice", Role.User);
        await Assert.ThrowsAsync<ForbiddenException>(() => aliceScope.Get<TaskService>().ClaimAsync(taskId, null, Ct));
        Assert.Empty(await aliceScope.Get<TaskService>().ListAsync(new TaskQuery(null, null, null, "open"), Ct));

        await using var carol = host.As("carol", Role.User);
        await carol.Get<TaskService>().ClaimAsync(taskId, null, Ct);
        await using var bob = host.As("bob", Role.User);
        await Assert.ThrowsAsync<RuntimeConflictException>(() => bob.Get<TaskService>().ClaimAsync(taskId, null, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => bob.Get<TaskService>().CompleteAsync(taskId, null, Ct));

        await carol.Get<TaskService>().DelegateAsync(taskId, "bob", Ct);
        await bob.Get<TaskService>().CompleteAsync(taskId, null, Ct);
        var again = await Assert.ThrowsAsync<TaskAlreadyCompletedException>(() => carol.Get<TaskService>().CompleteAsync(taskId, null, Ct));
        Assert.Equal("bob", again.CompletedBy);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnotherTenantSeesNeitherTheInstanceNorItsTasks(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("approval.bpmn");
        string instanceId;
        await using (var alice = host.As("alice", Role.User))
            instanceId = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct)).Id;
        string taskId;
        await using (var db = host.OpenAllTenants())
            taskId = (await db.UserTasks.SingleAsync(Ct)).Id;

        await using var other = host.AsIn(RuntimeTestHost.TenantB, "intruder", Role.Admin);
        await Assert.ThrowsAsync<NotFoundException>(() => other.Get<ProcessInstanceService>().GetAsync(instanceId, Ct));
        Assert.Equal(0, (await other.Get<ProcessInstanceService>().ListAsync(new InstanceQuery(null, null, null), Ct)).TotalCount);
        Assert.Empty(await other.Get<TaskService>().ListAsync(new TaskQuery(null, null, null, "open"), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => other.Get<TaskService>().CompleteAsync(taskId, null, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => other.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct));
    }
}
