using System.Text.Json;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Inbox;

/// <summary>The inbox lists (views), their counts, filters on task columns and process variables, sorting and paging.</summary>
public sealed class InboxQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_view_holds_exactly_the_tasks_it_names_and_the_counts_agree(DatabaseProvider provider)
    {
        await using var host = await InboxWorld.CreateAsync(provider);
        var overdue = await InboxWorld.StartOrderAsync(host, "A", "managers", Now.AddDays(-1));
        var soonMine = await InboxWorld.StartOrderAsync(host, "B", "managers", Now.AddHours(2));
        var hrOnly = await InboxWorld.StartOrderAsync(host, "C", "hr", Now.AddDays(5));
        var done = await InboxWorld.StartOrderAsync(host, "D", "managers", Now.AddDays(5));
        await using (var bob = host.As("bob", Role.User))
        {
            await bob.Get<TaskService>().ClaimAsync(soonMine, null, Ct);
            await bob.Get<TaskService>().CompleteAsync(done, null, Ct);
        }

        await using (var bob = host.As("bob", Role.User))
        {
            var inbox = bob.Get<InboxQueries>();
            async Task<string[]> Ids(InboxView view) =>
                [.. (await inbox.RowsAsync(new InboxFilter { View = view }, 0, 50, Ct)).Select(r => r.Id).Order()];
            Assert.Equal([soonMine], await Ids(InboxView.Mine));
            Assert.Equal(new[] { overdue, soonMine }.Order(), await Ids(InboxView.MyGroups));
            Assert.Equal([overdue], await Ids(InboxView.Unassigned));
            Assert.Equal([overdue], await Ids(InboxView.Overdue));
            Assert.Equal([soonMine], await Ids(InboxView.DueSoon));
            Assert.Equal([done], await Ids(InboxView.CompletedByMe));
            await Assert.ThrowsAsync<ForbiddenException>(() => inbox.RowsAsync(new InboxFilter { View = InboxView.All }, 0, 50, Ct));
            Assert.DoesNotContain(InboxView.All, inbox.Views());
            var counts = await inbox.CountsAsync(Ct);
            Assert.Equal((1, 2, 1, 1, 1, 1), (counts[InboxView.Mine], counts[InboxView.MyGroups], counts[InboxView.Unassigned],
                counts[InboxView.Overdue], counts[InboxView.DueSoon], counts[InboxView.CompletedByMe]));
        }

        await using var operatorScope = host.As("olga", Role.Operator);
        var managed = operatorScope.Get<InboxQueries>();
        var all = await managed.RowsAsync(new InboxFilter { View = InboxView.All }, 0, 50, Ct);
        Assert.Equal(new[] { overdue, soonMine, hrOnly }.Order(), all.Select(r => r.Id).Order());
        var unassigned = await managed.RowsAsync(new InboxFilter { View = InboxView.Unassigned }, 0, 50, Ct);
        Assert.Equal(new[] { overdue, hrOnly }.Order(), unassigned.Select(r => r.Id).Order());
        Assert.Empty(await managed.RowsAsync(new InboxFilter { View = InboxView.MyGroups }, 0, 50, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_variable_filter_follows_the_variable_when_it_changes(DatabaseProvider provider)
    {
        await using var host = await InboxWorld.CreateAsync(provider);
        var north = await InboxWorld.StartOrderAsync(host, "N", "managers", Now.AddDays(1), new() { ["region"] = "north", ["amount"] = 1500, ["vip"] = true });
        var south = await InboxWorld.StartOrderAsync(host, "S", "managers", Now.AddDays(2), new() { ["region"] = "south", ["amount"] = 200.5, ["vip"] = false });
        var byRegion = new InboxFilter { Variables = [new VariableFilter("region", VariableType.Text, VariableOperator.Eq, "north")] };

        await using (var bob = host.As("bob", Role.User))
        {
            var inbox = bob.Get<InboxQueries>();
            Assert.Equal([north], (await inbox.RowsAsync(byRegion, 0, 50, Ct)).Select(r => r.Id));
            Assert.Equal([north], (await inbox.RowsAsync(new InboxFilter { Variables = [new("amount", VariableType.Number, VariableOperator.Ge, "1000")] }, 0, 50, Ct)).Select(r => r.Id));
            Assert.Equal([south], (await inbox.RowsAsync(new InboxFilter { Variables = [new("vip", VariableType.Boolean, VariableOperator.Eq, "false")] }, 0, 50, Ct)).Select(r => r.Id));
            Assert.Equal([south], (await inbox.RowsAsync(new InboxFilter { Variables = [new("region", VariableType.Text, VariableOperator.Contains, "out")] }, 0, 50, Ct)).Select(r => r.Id));
            var offered = await inbox.VariablesAsync("inbox-order", Ct);
            Assert.Contains(new FilterableVariable("region", VariableType.Text), offered);
            Assert.Contains(new FilterableVariable("amount", VariableType.Number), offered);
            Assert.Contains(new FilterableVariable("due", VariableType.Date), offered);
        }

        await using (var ops = host.As("olga", Role.Operator))
        {
            await ops.Get<ProcessInstanceService>().SetVariablesAsync(await InboxWorld.InstanceOfAsync(host, south),
                new Dictionary<string, JsonElement> { ["region"] = JsonSerializer.SerializeToElement("north") }, Ct);
            await ops.Get<ProcessInstanceService>().SetVariablesAsync(await InboxWorld.InstanceOfAsync(host, north),
                new Dictionary<string, JsonElement> { ["region"] = JsonSerializer.SerializeToElement("east") }, Ct);
        }

        await using var bobAgain = host.As("bob", Role.User);
        Assert.Equal([south], (await bobAgain.Get<InboxQueries>().RowsAsync(byRegion, 0, 50, Ct)).Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Sorting_by_due_date_puts_tasks_without_one_last_in_both_directions_and_pages_across_them(DatabaseProvider provider)
    {
        await using var host = await InboxWorld.CreateAsync(provider);
        await InboxWorld.StartOrderAsync(host, "L", "managers", Now.AddDays(3));
        await InboxWorld.StartOrderAsync(host, "S", "managers", Now.AddDays(1));
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest("no-due", null), Ct);

        await using var bob = host.As("bob", Role.User);
        var inbox = bob.Get<InboxQueries>();
        var ascending = await inbox.RowsAsync(new InboxFilter(), 0, 50, Ct);
        Assert.Equal(["S", "L", "no-due"], ascending.Select(r => r.BusinessKey));
        var descending = await inbox.RowsAsync(new InboxFilter { Descending = true }, 0, 50, Ct);
        Assert.Equal(["L", "S", "no-due"], descending.Select(r => r.BusinessKey));
        Assert.Equal(["L", "no-due"], (await inbox.RowsAsync(new InboxFilter(), 1, 2, Ct)).Select(r => r.BusinessKey));
        Assert.Equal(["no-due"], (await inbox.RowsAsync(new InboxFilter(), 2, 2, Ct)).Select(r => r.BusinessKey));
        Assert.Equal(["L", "S"], (await inbox.RowsAsync(new InboxFilter { DefinitionKey = "inbox-order", Sort = InboxSort.Created }, 0, 50, Ct))
            .Select(r => r.BusinessKey));
        Assert.Equal(3, (await inbox.PageAsync(new InboxFilter(), 0, 1, Ct)).Total);
    }

    [Fact]
    public async Task A_variable_filter_with_a_value_of_the_wrong_type_is_rejected_naming_the_field()
    {
        await using var host = await InboxWorld.CreateAsync(DatabaseProvider.Sqlite);
        await using var bob = host.As("bob", Role.User);
        var inbox = bob.Get<InboxQueries>();

        var notANumber = await Assert.ThrowsAsync<ValidationException>(() => inbox.RowsAsync(
            new InboxFilter { Variables = [new("amount", VariableType.Number, VariableOperator.Ge, "lots")] }, 0, 50, Ct));
        Assert.Contains("variables[0].value", notANumber.Errors.Keys);
        var wrongOperator = await Assert.ThrowsAsync<ValidationException>(() => inbox.RowsAsync(
            new InboxFilter { Variables = [new("vip", VariableType.Boolean, VariableOperator.Gt, "true")] }, 0, 50, Ct));
        Assert.Contains("variables[0].operator", wrongOperator.Errors.Keys);
        await Assert.ThrowsAsync<ValidationException>(() => inbox.RowsAsync(new InboxFilter(), 0, InboxQueries.MaxTake + 1, Ct));
    }

    [Fact]
    public async Task Another_tenants_tasks_never_appear_even_for_task_manage()
    {
        await using var host = await InboxWorld.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployToAsync(RuntimeTestHost.TenantB, "inbox-order.bpmn");
        await InboxWorld.StartOrderAsync(host, "A-1", "managers", Now.AddDays(1));
        await using (var starterB = host.AsIn(RuntimeTestHost.TenantB, "starter-b", Role.User))
            await starterB.Get<ProcessInstanceService>().StartByKeyAsync("inbox-order", new StartInstanceRequest("B-1", new()
            {
                ["group"] = JsonSerializer.SerializeToElement("managers"), ["due"] = JsonSerializer.SerializeToElement("2030-01-01"),
            }), Ct);

        await using var ops = host.As("olga", Role.Operator);
        var all = await ops.Get<InboxQueries>().RowsAsync(new InboxFilter { View = InboxView.All }, 0, 50, Ct);
        Assert.Equal(["A-1"], all.Select(r => r.BusinessKey));
    }
}
