using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>
/// Start and task forms checked by the services (form-approval.bpmn: start form amount/reason/deputy; review form with
/// read-only amount/reason, required comment and outcomes Approve/Reject): refused submissions change nothing.
/// </summary>
public sealed class FormSubmissionServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, JsonElement> Vars(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static async Task<string> StartAsync(RuntimeTestHost host, string json = """{"amount": 120, "reason": "new laptop"}""")
    {
        await using var alice = host.As("alice", Role.User);
        return (await alice.Get<ProcessInstanceService>().StartByKeyAsync("form-approval", new StartInstanceRequest("req-1", Vars(json)), Ct)).Id;
    }

    private static async Task<string> OpenTaskIdAsync(RuntimeTestHost host)
    {
        await using var db = host.OpenAllTenants();
        return await db.UserTasks.Where(t => t.Status == UserTaskStatus.Open).Select(t => t.Id).SingleAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Completing_without_a_required_field_answers_its_key_and_changes_nothing(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("form-approval.bpmn");
        await StartAsync(host);
        var taskId = await OpenTaskIdAsync(host);
        await using var bob = host.As("bob", Role.User);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            bob.Get<TaskService>().CompleteAsync(taskId, Vars("""{"comment": " "}"""), "Approve", Ct));

        Assert.Equal(["comment"], refused.Errors.Keys);
        await using var db = host.OpenAllTenants();
        var task = await db.UserTasks.SingleAsync(Ct);
        Assert.Equal(UserTaskStatus.Open, task.Status);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "task.completed", Ct));
        Assert.DoesNotContain("approved", (await db.ProcessInstances.SingleAsync(Ct)).State().ProcessVariables.Keys);
    }

    [Fact]
    public async Task An_outcome_sets_its_variable_and_read_only_fields_keep_their_values()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("form-approval.bpmn");
        var instanceId = await StartAsync(host);
        var taskId = await OpenTaskIdAsync(host);

        await using (var bob = host.As("bob", Role.User))
            await bob.Get<TaskService>().CompleteAsync(taskId, Vars("""{"comment": "fine", "amount": 99999, "ticket": "IT-7"}"""), "Reject", Ct);

        await using var ops = host.As("olga", Role.Operator);
        var variables = (await ops.Get<ProcessInstanceService>().GetAsync(instanceId, Ct)).Variables;
        Assert.False(variables["approved"].GetBoolean());
        Assert.Equal(120, variables["amount"].GetInt32());
        Assert.Equal("fine", variables["comment"].GetString());
        Assert.Equal("IT-7", variables["ticket"].GetString());
    }

    [Fact]
    public async Task Automation_may_set_the_outcome_variable_itself_but_only_to_an_outcome_value()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("form-approval.bpmn");
        await StartAsync(host);
        var taskId = await OpenTaskIdAsync(host);
        await using var bob = host.As("bob", Role.User);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            bob.Get<TaskService>().CompleteAsync(taskId, Vars("""{"comment": "ok", "approved": "maybe"}"""), Ct));
        Assert.Equal(["approved"], refused.Errors.Keys);

        await bob.Get<TaskService>().CompleteAsync(taskId, Vars("""{"comment": "ok", "approved": true}"""), Ct);
        Assert.Equal("completed", (await bob.Get<TaskService>().GetAsync(taskId, Ct)).State);
    }

    [Fact]
    public async Task Starting_with_start_form_values_that_break_its_rules_starts_nothing()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("form-approval.bpmn");
        await using var alice = host.As("alice", Role.User);
        var instances = alice.Get<ProcessInstanceService>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            instances.StartWithFormAsync("form-approval", Vars("""{"amount": 0, "deputy": "mallory"}"""), null, cancellationToken: Ct));

        Assert.Equal(["amount", "deputy", "reason"], refused.Errors.Keys.Order());
        await using var db = host.OpenAllTenants();
        Assert.Equal(0, await db.ProcessInstances.CountAsync(Ct));
        Assert.Equal(0, await db.UserTasks.CountAsync(Ct));
    }

    [Fact]
    public async Task Starting_with_a_valid_start_form_stores_typed_values()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("form-approval.bpmn");
        await using var alice = host.As("alice", Role.User);
        var form = await alice.Get<ProcessInstanceService>().GetStartFormAsync("form-approval", Ct);
        Assert.Equal(["amount", "reason", "deputy"], form.Form!.Fields.Select(f => f.Key));

        var started = await alice.Get<ProcessInstanceService>().StartWithFormAsync("form-approval",
            Vars("""{"amount": "250", "reason": "monitor", "deputy": "carol"}"""), null, "req-9", Ct);

        await using var db = host.OpenAllTenants();
        var variables = (await db.ProcessInstances.SingleAsync(i => i.Id == started.Id, Ct)).State().ProcessVariables;
        Assert.Equal(JsonValueKind.Number, variables["amount"].ValueKind);
        Assert.Equal("carol", variables["deputy"].GetString());
        Assert.Equal("alice", variables["initiator"].GetString());
    }

    [Fact]
    public async Task The_task_page_shows_the_form_prefilled_with_variables_history_and_what_the_user_may_do()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("form-approval.bpmn");
        await StartAsync(host);
        var taskId = await OpenTaskIdAsync(host);

        await using var bob = host.As("bob", Role.User);
        var page = await bob.Get<TaskPageQuery>().GetAsync(taskId, Ct);

        Assert.Equal("Review request", page.Task.Name);
        Assert.Equal(120, page.FormValues["amount"].GetInt32());
        Assert.Equal("Request for 120", page.FormValues["summary"].GetString());
        Assert.Equal("new laptop", page.Variables["reason"].GetString());
        Assert.Equal(["start", "review"], page.History.Select(h => h.ElementId));
        Assert.Equal(["review"], page.ActiveElementIds);
        Assert.Contains("form-approval", page.DiagramXml);
        Assert.Equal(new TaskActions(Complete: true, Claim: true, Unclaim: false, Delegate: false), page.Can);
    }

    [Fact]
    public async Task The_task_page_is_refused_to_users_the_task_is_not_offered_to_and_hidden_from_other_tenants()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployAsync("form-approval.bpmn");
        await StartAsync(host);
        var taskId = await OpenTaskIdAsync(host);

        await using (var alice = host.As("alice", Role.User))
            await Assert.ThrowsAsync<ForbiddenException>(() => alice.Get<TaskPageQuery>().GetAsync(taskId, Ct));
        await using var stranger = host.AsIn(RuntimeTestHost.TenantB, "eve", Role.Admin);
        await Assert.ThrowsAsync<NotFoundException>(() => stranger.Get<TaskPageQuery>().GetAsync(taskId, Ct));
    }
}
