using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>An incident the engine raises is a row operators see; fixing the cause and resolving it continues the instance.</summary>
public sealed class EngineIncidentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AGatewayWithoutAMatchingFlowRaisesAnIncidentThatResolvingContinuesAfterTheFix(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("route-by-amount.bpmn");
        string id;
        await using (var alice = host.As("alice", Role.User))
            id = (await alice.Get<ProcessInstanceService>().StartByKeyAsync("route-by-amount",
                new StartInstanceRequest(null, new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(10) }), Ct)).Id;

        await using var ops = host.As("olga", Role.Operator);
        var instances = ops.Get<ProcessInstanceService>();
        var stuck = await instances.GetAsync(id, Ct);
        Assert.True(stuck.HasIncident);
        Assert.Equal("active", stuck.Status);
        string incidentId;
        await using (var db = host.OpenAllTenants())
        {
            var incident = await db.Incidents.SingleAsync(Ct);
            Assert.Equal((id, "route", IncidentStatus.Open, (string?)null), (incident.ProcessInstanceId, incident.ElementId, incident.Status, incident.JobId));
            incidentId = incident.Id;
        }

        await instances.SetVariablesAsync(id, new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(60) }, Ct);
        await instances.ResolveIncidentAsync(id, incidentId, Ct);

        var done = await instances.GetAsync(id, Ct);
        Assert.Equal(("completed", false), (done.Status, done.HasIncident));
        await using var check = host.OpenAllTenants();
        Assert.Equal(IncidentStatus.Resolved, (await check.Incidents.SingleAsync(Ct)).Status);
        await Assert.ThrowsAsync<RuntimeConflictException>(() => instances.ResolveIncidentAsync(id, incidentId, Ct));
    }
}
