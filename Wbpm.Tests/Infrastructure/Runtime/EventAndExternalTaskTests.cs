using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>Message correlation and message start, signal broadcast, external task workers.</summary>
public sealed class EventAndExternalTaskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, JsonElement> Vars(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => JsonSerializer.SerializeToElement(v.Value));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AMessageReachesOnlyTheInstanceWithItsCorrelationKey(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("payment.bpmn");
        var ids = new Dictionary<string, string>();
        await using (var starter = host.As("alice", Role.User))
            foreach (var order in new[] { "A-1", "A-2" })
                ids[order] = (await starter.Get<ProcessInstanceService>().StartByKeyAsync("payment", new StartInstanceRequest(order, Vars(("orderId", order))), Ct)).Id;

        await using var sender = host.As("alice", Role.User);
        var result = await sender.Get<EventService>().CorrelateMessageAsync("payment-received", "A-2", Vars(("paidAmount", 99)), Ct);

        Assert.Equal([ids["A-2"]], result.CorrelatedInstanceIds);
        Assert.Empty(result.StartedInstanceIds);
        await using var db = host.OpenAllTenants();
        var paid = await db.ProcessInstances.SingleAsync(i => i.Id == ids["A-2"], Ct);
        Assert.Equal(InstanceStatus.Completed, paid.Status);
        Assert.Equal(99, paid.State().ProcessVariables["paidAmount"].GetInt32());
        Assert.Equal(InstanceStatus.Active, (await db.ProcessInstances.SingleAsync(i => i.Id == ids["A-1"], Ct)).Status);

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => sender.Get<EventService>().CorrelateMessageAsync("payment-received", "Z-9", null, Ct));
        Assert.Contains("Z-9", unknown.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AMessageStartEventStartsTheLatestVersionWithTheMessagesVariables(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("order-intake.bpmn");
        await host.DeployAsync("order-intake.bpmn");

        await using var sender = host.As("alice", Role.User);
        var result = await sender.Get<EventService>().CorrelateMessageAsync("order-placed", null, Vars(("item", "lamp")), Ct);

        var started = Assert.Single(result.StartedInstanceIds);
        await using var db = host.OpenAllTenants();
        var instance = await db.ProcessInstances.SingleAsync(Ct);
        Assert.Equal((started, 2), (instance.Id, instance.DefinitionVersion));
        Assert.Equal("lamp", instance.State().ProcessVariables["item"].GetString());
        Assert.Equal("check", (await db.UserTasks.SingleAsync(Ct)).ElementId);
        Assert.Single(await db.EventSubscriptions.Where(s => s.IsStartEvent).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ASignalReachesEveryWaitingInstanceOfTheTenant(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("signal-wait.bpmn");
        await host.DeployToAsync(RuntimeTestHost.TenantB, "signal-wait.bpmn");
        await using (var starter = host.As("alice", Role.User))
            for (var i = 0; i < 3; i++)
                await starter.Get<ProcessInstanceService>().StartByKeyAsync("signal-wait", new StartInstanceRequest(null, null), Ct);
        await using (var other = host.AsIn(RuntimeTestHost.TenantB, "zed", Role.User))
            await other.Get<ProcessInstanceService>().StartByKeyAsync("signal-wait", new StartInstanceRequest(null, null), Ct);

        await using var sender = host.As("alice", Role.User);
        var result = await sender.Get<EventService>().BroadcastSignalAsync("go", null, Ct);

        Assert.Equal(3, result.CorrelatedInstanceIds.Count);
        await using var db = host.OpenAllTenants();
        Assert.Equal(3, await db.ProcessInstances.CountAsync(i => i.TenantId == RuntimeTestHost.TenantA && i.Status == InstanceStatus.Completed, Ct));
        Assert.Equal(InstanceStatus.Active, (await db.ProcessInstances.SingleAsync(i => i.TenantId == RuntimeTestHost.TenantB, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AWorkerFetchesLocksAndCompletesAnExternalTask(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("external-payment.bpmn");
        await using (var starter = host.As("alice", Role.User))
            await starter.Get<ProcessInstanceService>().StartByKeyAsync("external-payment", new StartInstanceRequest(null, Vars(("amount", 30))), Ct);

        await using var worker = host.As("robot", Role.User);
        var tasks = worker.Get<ExternalTaskService>();
        var locked = Assert.Single(await tasks.FetchAndLockAsync(new FetchAndLockRequest("w1", 5, [new FetchTopic("payments", 60_000)]), Ct));
        Assert.Equal(("charge", 30), (locked.ActivityId, locked.Variables["amount"].GetInt32()));
        Assert.Empty(await tasks.FetchAndLockAsync(new FetchAndLockRequest("w2", 5, [new FetchTopic("payments", 60_000)]), Ct));
        await Assert.ThrowsAsync<RuntimeConflictException>(() => tasks.CompleteAsync(locked.Id, "w2", null, Ct));

        await tasks.CompleteAsync(locked.Id, "w1", Vars(("receipt", "R-1")), Ct);

        await using var db = host.OpenAllTenants();
        var instance = await db.ProcessInstances.SingleAsync(Ct);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("R-1", instance.State().ProcessVariables["receipt"].GetString());
        Assert.Empty(await db.ExternalTasks.ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AWorkerFailureWithRetriesLeftRefetchesAndZeroRetriesRaisesAnIncident(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("external-payment.bpmn");
        await using (var starter = host.As("alice", Role.User))
            await starter.Get<ProcessInstanceService>().StartByKeyAsync("external-payment", new StartInstanceRequest(null, null), Ct);
        await using var worker = host.As("robot", Role.User);
        var tasks = worker.Get<ExternalTaskService>();
        var fetch = new FetchAndLockRequest("w1", 1, [new FetchTopic("payments", 60_000)]);

        var first = Assert.Single(await tasks.FetchAndLockAsync(fetch, Ct));
        await tasks.FailureAsync(first.Id, "w1", "gateway timeout", retries: 1, retryTimeout: 0, Ct);
        var second = Assert.Single(await tasks.FetchAndLockAsync(fetch, Ct));
        Assert.Equal((1, "gateway timeout"), (second.Retries, second.ErrorMessage));
        await tasks.FailureAsync(second.Id, "w1", "gateway down", retries: 0, retryTimeout: 0, Ct);

        Assert.Empty(await tasks.FetchAndLockAsync(fetch, Ct));
        await using var db = host.OpenAllTenants();
        var incident = await db.Incidents.SingleAsync(Ct);
        Assert.Equal(("charge", IncidentStatus.Open), (incident.ElementId, incident.Status));
        Assert.Contains("gateway down", incident.Message);
        Assert.True((await db.ProcessInstances.SingleAsync(Ct)).HasIncident);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AWorkersBpmnErrorIsCaughtByTheErrorBoundary(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("external-payment.bpmn");
        await using (var starter = host.As("alice", Role.User))
            await starter.Get<ProcessInstanceService>().StartByKeyAsync("external-payment", new StartInstanceRequest(null, null), Ct);
        await using var worker = host.As("robot", Role.User);
        var tasks = worker.Get<ExternalTaskService>();
        var locked = Assert.Single(await tasks.FetchAndLockAsync(new FetchAndLockRequest("w1", 1, [new FetchTopic("payments", 1_000)]), Ct));
        await tasks.ExtendLockAsync(locked.Id, "w1", 120_000, Ct);

        await tasks.BpmnErrorAsync(locked.Id, "w1", "CARD_DECLINED", "declined by bank", null, Ct);

        await using var db = host.OpenAllTenants();
        Assert.Equal("fix", (await db.UserTasks.SingleAsync(Ct)).ElementId);
        Assert.Empty(await db.ExternalTasks.ToListAsync(Ct));
    }
}
