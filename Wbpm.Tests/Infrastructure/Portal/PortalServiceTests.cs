using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Portal;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Portal;

/// <summary>
/// The requester portal's services on a real database: the catalogue follows the model's candidate starters, business
/// keys are generated or checked, "my requests" shows where each request stands, and withdrawing follows the model.
/// Fixtures: portal-expense (starters: group managers, user carol; not withdrawable at "Pay out"), portal-open (no
/// starters, never withdrawable), portal-message-start (message start only).
/// </summary>
public sealed class PortalServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RuntimeTestHost> HostAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await RuntimeTestHost.CreateAsync(provider, new ManualTimeProvider(T0));
        await host.DeployAsync("portal-expense.bpmn", "portal-open.bpmn", "portal-message-start.bpmn");
        await host.DeployAsync("portal-open.bpmn");
        return host;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_catalogue_lists_the_latest_version_of_each_process_the_user_may_start_with_its_description(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);

        IReadOnlyList<PortalProcess> Of(IReadOnlyList<PortalProcess> list, string key) => list.Where(p => p.Key == key).ToList();
        await using (var alice = host.As("alice", Role.User))
        {
            var list = await alice.Get<RequestCatalogue>().ListAsync(Ct);
            var open = Assert.Single(list);
            Assert.Equal(("portal-open", "Report a hazard", 2), (open.Key, open.Name, open.Version));
        }
        await using (var bob = host.As("bob", Role.User))
        {
            var list = await bob.Get<RequestCatalogue>().ListAsync(Ct);
            Assert.Equal(["Expense refund", "Report a hazard"], list.Select(p => p.Name));
            Assert.Equal("Get money back for something you paid for the company.", Assert.Single(Of(list, "portal-expense")).Description);
        }
        await using (var carol = host.As("carol", Role.User))
            Assert.Equal(["portal-expense", "portal-open"], (await carol.Get<RequestCatalogue>().ListAsync(Ct)).Select(p => p.Key));
        await using (var other = host.AsIn(RuntimeTestHost.TenantB, "bob", Role.User))
            Assert.Empty(await other.Get<RequestCatalogue>().ListAsync(Ct));
    }

    [Fact]
    public async Task Starting_a_process_whose_model_does_not_list_the_user_is_forbidden_in_the_portal_and_the_api_but_not_for_operators()
    {
        await using var host = await HostAsync();
        await using (var alice = host.As("alice", Role.User))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => alice.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput(null, null), Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                alice.Get<ProcessInstanceService>().StartByKeyAsync("portal-expense", new StartInstanceRequest(null, null), Ct));
        }
        await using (var db = host.OpenAllTenants())
            Assert.Empty(await db.ProcessInstances.ToListAsync(Ct));

        await using var operatorScope = host.As("olga", Role.Operator);
        var started = await operatorScope.Get<ProcessInstanceService>().StartByKeyAsync("portal-expense", new StartInstanceRequest(null, null), Ct);
        Assert.Equal("active", started.Status);
    }

    [Fact]
    public async Task A_generated_business_key_is_the_process_initials_the_date_and_a_random_part_and_is_unique_in_the_tenant()
    {
        await using var host = await HostAsync();
        await using var carol = host.As("carol", Role.User);
        var keys = new List<string>();
        for (var i = 0; i < 25; i++)
            keys.Add((await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput("  ", null), Ct)).BusinessKey);

        Assert.All(keys, k => Assert.Matches(new Regex("^PE-20260302-[2-9A-HJ-NP-Z]{5}$"), k));
        Assert.Equal(25, keys.Distinct().Count());
        await using var db = host.OpenAllTenants();
        Assert.Equal(keys.Order(), (await db.ProcessInstances.Select(i => i.BusinessKey!).ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task An_entered_business_key_already_in_use_is_refused_with_a_field_error_and_nothing_starts()
    {
        await using var host = await HostAsync();
        await using var carol = host.As("carol", Role.User);
        var first = await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput(" ORDER-7 ", null), Ct);
        Assert.Equal("ORDER-7", first.BusinessKey);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            carol.Get<RequestCatalogue>().StartAsync("portal-open", new StartRequestInput("ORDER-7", null), Ct));
        Assert.Contains("businessKey", refused.Errors.Keys);
        await using var db = host.OpenAllTenants();
        Assert.Single(await db.ProcessInstances.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_process_started_by_a_message_cannot_be_started_from_the_portal()
    {
        await using var host = await HostAsync();
        await using var bob = host.As("bob", Role.User);
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            bob.Get<RequestCatalogue>().StartAsync("portal-message-start", new StartRequestInput(null, null), Ct));
        Assert.Contains("key", refused.Errors.Keys);
    }

    [Fact]
    public async Task My_requests_show_only_my_instances_with_their_current_step_who_holds_it_and_a_timeline()
    {
        await using var host = await HostAsync();
        string requestId;
        await using (var carol = host.As("carol", Role.User))
            requestId = (await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput("EXP-1", null), Ct)).Id;
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<RequestCatalogue>().StartAsync("portal-open", new StartRequestInput("HAZ-1", null), Ct);

        await using (var carol = host.As("carol", Role.User))
        {
            var mine = await carol.Get<MyRequests>().ListAsync(new MyRequestQuery(), Ct);
            var request = Assert.Single(mine.Items);
            Assert.Equal(("EXP-1", "Expense refund", "active"), (request.BusinessKey, request.ProcessName, request.Status));
            var step = Assert.Single(request.CurrentSteps);
            Assert.Equal(("Review expense", (string?)null, "managers"), (step.Name, step.Assignee, string.Join(",", step.CandidateGroups)));
        }

        await using (var bob = host.As("bob", Role.User))
        {
            var review = Assert.Single(await bob.Get<TaskService>().ListAsync(new TaskQuery(null, "managers", requestId, "open"), Ct));
            await bob.Get<TaskService>().CompleteAsync(review.Id, null, Ct);
        }

        await using (var carol = host.As("carol", Role.User))
        {
            var details = await carol.Get<MyRequests>().GetAsync(requestId, Ct);
            var step = Assert.Single(details.Request.CurrentSteps);
            Assert.Equal(("Pay out", "bob"), (step.Name, step.Assignee));
            Assert.Equal([("start", "completed"), ("review", "completed"), ("payout", "active")],
                details.Timeline.Select(t => (t.ElementId, t.State)));
            Assert.Empty((await carol.Get<MyRequests>().ListAsync(new MyRequestQuery("completed"), Ct)).Items);
        }
    }

    [Fact]
    public async Task The_requester_withdraws_a_request_while_the_model_allows_it_and_it_is_cancelled_with_its_tasks_and_audited()
    {
        await using var host = await HostAsync();
        await using var carol = host.As("carol", Role.User);
        var started = await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput(null, null), Ct);
        var before = await carol.Get<MyRequests>().GetAsync(started.Id, Ct);
        Assert.True(before.CanWithdraw);

        await carol.Get<MyRequests>().WithdrawAsync(started.Id, Ct);

        await using var db = host.OpenAllTenants();
        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == started.Id, Ct);
        Assert.Equal(InstanceStatus.Cancelled, instance.Status);
        Assert.Equal(UserTaskStatus.Cancelled, (await db.UserTasks.SingleAsync(t => t.ProcessInstanceId == started.Id, Ct)).Status);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "instance.withdrawn", Ct);
        Assert.Equal(("carol", started.Id), (audit.ActorName, audit.EntityId));
        Assert.Contains(MyRequests.WithdrawReason, audit.After);
        var after = await carol.Get<MyRequests>().GetAsync(started.Id, Ct);
        Assert.False(after.CanWithdraw);
        await Assert.ThrowsAsync<RuntimeConflictException>(() => carol.Get<MyRequests>().WithdrawAsync(started.Id, Ct));
    }

    [Fact]
    public async Task Withdrawing_is_refused_at_a_step_the_model_protects_and_for_a_process_that_is_never_withdrawable()
    {
        await using var host = await HostAsync();
        string expenseId, hazardId;
        await using (var carol = host.As("carol", Role.User))
        {
            expenseId = (await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput(null, null), Ct)).Id;
            hazardId = (await carol.Get<RequestCatalogue>().StartAsync("portal-open", new StartRequestInput(null, null), Ct)).Id;
        }
        await using (var bob = host.As("bob", Role.User))
        {
            var review = Assert.Single(await bob.Get<TaskService>().ListAsync(new TaskQuery(null, "managers", expenseId, "open"), Ct));
            await bob.Get<TaskService>().CompleteAsync(review.Id, null, Ct);
        }

        await using (var carol = host.As("carol", Role.User))
        {
            var atPayout = await carol.Get<MyRequests>().GetAsync(expenseId, Ct);
            Assert.Equal((false, "The request cannot be withdrawn while it is at 'Pay out'."), (atPayout.CanWithdraw, atPayout.WithdrawBlockedReason));
            await Assert.ThrowsAsync<RuntimeConflictException>(() => carol.Get<MyRequests>().WithdrawAsync(expenseId, Ct));
            var never = await Assert.ThrowsAsync<RuntimeConflictException>(() => carol.Get<MyRequests>().WithdrawAsync(hazardId, Ct));
            Assert.Contains("cannot be withdrawn", never.Message);
        }
        await using var db = host.OpenAllTenants();
        Assert.All(await db.ProcessInstances.ToListAsync(Ct), i => Assert.Equal(InstanceStatus.Active, i.Status));
    }

    [Fact]
    public async Task Only_the_requester_sees_and_withdraws_a_request_and_another_tenant_does_not_find_it()
    {
        await using var host = await HostAsync();
        string id;
        await using (var carol = host.As("carol", Role.User))
            id = (await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput(null, null), Ct)).Id;

        await using (var bob = host.As("bob", Role.User))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => bob.Get<MyRequests>().GetAsync(id, Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => bob.Get<MyRequests>().WithdrawAsync(id, Ct));
            Assert.Empty((await bob.Get<MyRequests>().ListAsync(new MyRequestQuery(), Ct)).Items);
        }
        await using (var stranger = host.AsIn(RuntimeTestHost.TenantB, "carol", Role.User))
            await Assert.ThrowsAsync<NotFoundException>(() => stranger.Get<MyRequests>().WithdrawAsync(id, Ct));
        await using var db = host.OpenAllTenants();
        Assert.Equal(InstanceStatus.Active, (await db.ProcessInstances.SingleAsync(Ct)).Status);
    }

    [Fact]
    public async Task The_portal_offers_the_start_events_form_to_its_starters_and_checks_it_when_the_request_starts()
    {
        await using var host = await HostAsync();
        await host.DeployAsync("form-approval.bpmn");
        await using var alice = host.As("alice", Role.User);
        var catalogue = alice.Get<RequestCatalogue>();

        var form = await catalogue.StartFormAsync("form-approval", Ct);
        Assert.Equal(["amount", "reason", "deputy"], form.Form!.Fields.Select(f => f.Key));
        Assert.Null((await catalogue.StartFormAsync("portal-open", Ct)).Form);
        await Assert.ThrowsAsync<ForbiddenException>(() => catalogue.StartFormAsync("portal-expense", Ct));

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            catalogue.StartAsync("form-approval", new StartRequestInput("REQ-1", Vars("""{"amount": 0}""")), Ct));
        Assert.Equal(["amount", "reason"], refused.Errors.Keys.Order());
        await using (var db = host.OpenAllTenants())
            Assert.Equal(0, await db.ProcessInstances.CountAsync(i => i.DefinitionKey == "form-approval", Ct));

        var started = await catalogue.StartAsync("form-approval", new StartRequestInput("REQ-1", Vars("""{"amount": "250", "reason": "monitor"}""")), Ct);
        Assert.Equal("REQ-1", started.BusinessKey);
        await using (var db = host.OpenAllTenants())
        {
            var variables = (await db.ProcessInstances.SingleAsync(i => i.Id == started.Id, Ct)).State().ProcessVariables;
            Assert.Equal(250, variables["amount"].GetDouble());
            Assert.Equal("monitor", variables["reason"].GetString());
        }
    }

    private static Dictionary<string, System.Text.Json.JsonElement> Vars(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(json)!;
}
