using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Persistence;

/// <summary>
/// History and variable rows are written with one multi-row INSERT per table inside the SaveChanges transaction:
/// they read back exactly as EF writes them, commit or roll back with the rest, and a failed save can be retried.
/// </summary>
public sealed class MultiRowInsertsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, 123, TimeSpan.Zero); // PostgreSQL takes UTC only
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RowsReadBackWithEveryValueAsSaved(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        var instance = await StartAsync(host);
        await using (var db = host.OpenAllTenants())
        {
            var tracked = await db.ProcessInstances.SingleAsync(i => i.Id == instance.Id, Ct);
            db.HistoryEvents.Add(new HistoryEntry(tracked, new HistoryEvent("a-1", "review", "userTask", "Review \"it\"", HistoryEventKind.Incident, At, null), 42));
            db.HistoryEvents.Add(new HistoryEntry(tracked, new HistoryEvent("a-1", "review", "userTask", null, HistoryEventKind.Cancelled, At.AddDays(1), "bob"), 43));
            db.InstanceVariables.Add(new InstanceVariable(RuntimeTestHost.TenantA, instance.Id, "k", "due", new ScalarValue(VariableType.Date, "2026-03-02", null, At, null)));
            db.InstanceVariables.Add(new InstanceVariable(RuntimeTestHost.TenantA, instance.Id, "k", "ok", new ScalarValue(VariableType.Boolean, null, null, null, false)));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = host.OpenAllTenants();
        var incident = await check.HistoryEvents.AsNoTracking().SingleAsync(h => h.Sequence == 42, Ct);
        Assert.Equal((RuntimeTestHost.TenantA, instance.Id, "a-1", "review", "userTask", "Review \"it\"", HistoryEventKind.Incident, At, (string?)null, 42L),
            (incident.TenantId, incident.ProcessInstanceId, incident.ActivityInstanceId, incident.ElementId, incident.ElementType, incident.ElementName,
                incident.Kind, incident.At, incident.UserId, incident.Sequence));
        Assert.Equal(HistoryEventKind.Cancelled, (await check.HistoryEvents.AsNoTracking().SingleAsync(h => h.Sequence == 43 && h.At > At, Ct)).Kind);
        var due = await check.InstanceVariables.AsNoTracking().SingleAsync(v => v.ProcessInstanceId == instance.Id && v.Name == "due", Ct);
        Assert.Equal((VariableType.Date, "2026-03-02", (double?)null, (DateTimeOffset?)At, (bool?)null), (due.Type, due.TextValue, due.NumberValue, due.DateValue, due.BooleanValue));
        Assert.False((await check.InstanceVariables.AsNoTracking().SingleAsync(v => v.ProcessInstanceId == instance.Id && v.Name == "ok", Ct)).BooleanValue);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UntrackedRowsAreWrittenOnceAndEverySaveOfAContextWritesItsOwn(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        var instance = await StartAsync(host);
        await using (var db = host.OpenAllTenants())
        {
            var tracked = await db.ProcessInstances.SingleAsync(i => i.Id == instance.Id, Ct);
            // Two saves of one context, its connection closed in between: the second re-uses what the first prepared.
            db.UntrackedInserts.Add(new HistoryEntry(tracked, new HistoryEvent("a-u", "x", "task", null, HistoryEventKind.Started, At, null), 11));
            await db.SaveChangesAsync(Ct);
            db.UntrackedInserts.Add(new HistoryEntry(tracked, new HistoryEvent("a-u", "x", "task", null, HistoryEventKind.Completed, At, null), 12));
            await db.SaveChangesAsync(Ct);
            Assert.Empty(db.UntrackedInserts);
        }

        await using var check = host.OpenAllTenants();
        Assert.Equal([11L, 12L], await check.HistoryEvents.Where(h => h.ActivityInstanceId == "a-u").OrderBy(h => h.Sequence).Select(h => h.Sequence).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AFailedSaveWritesNoRowAndTheSameContextCanSaveThemAfterTheCauseIsGone(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        var instance = await StartAsync(host);
        await using var db = host.OpenAllTenants();
        var tracked = await db.ProcessInstances.SingleAsync(i => i.Id == instance.Id, Ct);
        db.HistoryEvents.Add(new HistoryEntry(tracked, new HistoryEvent("a-9", "x", "task", null, HistoryEventKind.Started, At, null), 7));
        var duplicate = new Tenant(RuntimeTestHost.TenantB, "Tenant B again", At); // the key exists: the save fails
        db.Tenants.Add(duplicate);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        await using (var check = host.OpenAllTenants())
            Assert.False(await check.HistoryEvents.AnyAsync(h => h.ActivityInstanceId == "a-9", Ct));
        Assert.Equal(EntityState.Added, db.ChangeTracker.Entries<HistoryEntry>().Single().State);
        db.Entry(duplicate).State = EntityState.Detached;
        await db.SaveChangesAsync(Ct);
        await using (var check = host.OpenAllTenants())
            Assert.True(await check.HistoryEvents.AnyAsync(h => h.ActivityInstanceId == "a-9", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task InACallersTransactionTheRowsCommitAndRollBackWithIt(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        var instance = await StartAsync(host);
        foreach (var commit in new[] { false, true })
        {
            await using var db = host.OpenAllTenants();
            var tracked = await db.ProcessInstances.SingleAsync(i => i.Id == instance.Id, Ct);
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.HistoryEvents.Add(new HistoryEntry(tracked, new HistoryEvent("a-7", "x", "task", null, HistoryEventKind.Started, At, null), commit ? 71 : 70));
            await db.SaveChangesAsync(Ct);
            if (commit)
                await transaction.CommitAsync(Ct);
            else
                await transaction.RollbackAsync(Ct);
        }

        await using var check = host.OpenAllTenants();
        Assert.Equal([71L], await check.HistoryEvents.Where(h => h.ActivityInstanceId == "a-7").Select(h => h.Sequence).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AStartedInstancesHistoryAndVariablesAreAllThere(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        var instance = await StartAsync(host);

        await using var ops = host.As("carol", Role.Operator);
        var history = await ops.Get<ProcessInstanceService>().HistoryAsync(instance.Id, Ct);
        Assert.NotEmpty(history);
        Assert.All(history, item => Assert.False(string.IsNullOrEmpty(item.ElementType)));
        await using var check = host.OpenAllTenants();
        Assert.Equal(["initiator", "orderId"], await check.InstanceVariables.Where(v => v.ProcessInstanceId == instance.Id)
            .OrderBy(v => v.Name).Select(v => v.Name).ToListAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ACommandChainedOnAnInstanceStartedInTheSameContextFindsItAndLeavesOneRowPerVariableWithTheLatestValue(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("parallel-async.bpmn");
        var commands = host.Get<InstanceCommands>();
        string instanceId;
        await using (var db = host.Get<WbpmDbContextFactory>().Create(TenantScope.For(RuntimeTestHost.TenantA)))
        {
            var definition = await host.Get<ExecutableDefinitions>().GetLatestAsync(db, "parallel-async", Ct);
            var started = await commands.StageStartAsync(db, definition, new StartInstance(null, "k", Json(new() { ["orderId"] = "o-1", ["region"] = "north" })), At, Ct);
            instanceId = started.Instance.Id;
            // Before the save: one variable changes, one is removed, one is new.
            await commands.StageAsync(db, instanceId, new SetVariables(Json(new() { ["orderId"] = "o-2", ["region"] = null, ["amount"] = 5 })), At, Ct);
            await commands.CommitAsync(db, At, Ct);
        }

        await using var check = host.OpenAllTenants();
        var rows = await check.InstanceVariables.AsNoTracking().Where(v => v.ProcessInstanceId == instanceId).OrderBy(v => v.Name).ToListAsync(Ct);
        Assert.Equal(["amount", "orderId"], rows.Select(v => v.Name));
        Assert.Equal(5, rows[0].NumberValue);
        Assert.Equal("o-2", rows[1].TextValue);
        // The instance row too is written once, with the state after the chained command.
        var instance = await check.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId, Ct);
        Assert.Equal("o-2", instance.State().ProcessVariables["orderId"].GetString());
    }

    private static Dictionary<string, System.Text.Json.JsonElement> Json(Dictionary<string, object?> values) =>
        values.ToDictionary(v => v.Key, v => System.Text.Json.JsonSerializer.SerializeToElement(v.Value));

    private static async Task<InstanceStarted> StartAsync(RuntimeTestHost host)
    {
        await host.DeployAsync("parallel-async.bpmn");
        await using var starter = host.As("alice", Role.User);
        return await starter.Get<ProcessInstanceService>().StartByKeyAsync("parallel-async",
            new StartInstanceRequest("k", new Dictionary<string, System.Text.Json.JsonElement> { ["orderId"] = System.Text.Json.JsonSerializer.SerializeToElement("o-1") }), Ct);
    }
}
