using System.Text;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Notifications;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Portal;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Templates;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Portal;

/// <summary>
/// Escalation as the customer-complaint template models it, through the real runtime: an interrupting boundary timer
/// (the response SLA) on "Handle complaint" fires in the job executor and hands the complaint to the next level, an
/// "escalated" task assigned to the escalation manager, who is notified.
/// </summary>
public sealed class EscalationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_complaint_not_handled_within_the_sla_is_escalated_to_the_escalation_manager_who_is_notified(DatabaseProvider provider)
    {
        var clock = new ManualTimeProvider(T0);
        await using var host = await RuntimeTestHost.CreateAsync(provider, clock);
        var template = new BuiltInTemplateLibrary().Find("customer-complaint")!;
        var process = TemplateInstantiation.Instantiate(template, "complaint", "Complaint", new Dictionary<string, string?>
        {
            ["escalationManager"] = "bob", ["responseHours"] = "24", ["escalationHours"] = "8",
        });
        await using (var deployer = host.As("deployer", Role.Admin))
            await deployer.Get<DeploymentService>().DeployAsync(new DeploymentRequest(
                [new DeploymentFile("complaint.bpmn", new MemoryStream(Encoding.UTF8.GetBytes(process.Xml)))], "test"));
        string id;
        await using (var alice = host.As("alice", Role.User))
            id = (await alice.Get<RequestCatalogue>().StartAsync("complaint", new StartRequestInput("CC-1", null), Ct)).Id;
        await using (var db = host.OpenAllTenants())
        {
            var handle = await db.UserTasks.SingleAsync(Ct);
            Assert.Equal(("handle", T0.AddHours(24)), (handle.ElementId, handle.DueDate));
            Assert.Equal(T0.AddHours(24), (await db.Jobs.SingleAsync(Ct)).DueAt);
        }
        await host.StartExecutorAsync();

        clock.Advance(TimeSpan.FromHours(25));
        host.Get<IJobWakeUp>().Notify();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.UserTasks.AnyAsync(t => t.ElementId == "escalated", Ct);
        }, "the SLA timer fires and creates the escalated task");

        await using var check = host.OpenAllTenants();
        var tasks = await check.UserTasks.Include(t => t.Candidates).Where(t => t.ProcessInstanceId == id).ToListAsync(Ct);
        Assert.Equal(UserTaskStatus.Cancelled, tasks.Single(t => t.ElementId == "handle").Status);
        var escalated = tasks.Single(t => t.ElementId == "escalated");
        Assert.Equal(("bob", UserTaskStatus.Open, T0.AddHours(25 + 8)), (escalated.Assignee, escalated.Status, escalated.DueDate));
        Assert.Equal(["managers"], escalated.Candidates.Select(c => c.Value));
        var notification = await check.Notifications.SingleAsync(n => n.Recipient == "bob", Ct);
        Assert.Equal((NotificationKind.TaskAssigned, $"/tasks/{escalated.Id}"), (notification.Kind, notification.Link));
        Assert.Contains("Handle escalated complaint", notification.Title);
    }

    [Fact]
    public async Task Without_an_escalation_manager_the_escalated_complaint_goes_to_the_escalation_group_unassigned()
    {
        var clock = new ManualTimeProvider(T0);
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite, clock);
        var process = TemplateInstantiation.WithDefaults(new BuiltInTemplateLibrary().Find("customer-complaint")!, "complaint", "Complaint");
        await using (var deployer = host.As("deployer", Role.Admin))
            await deployer.Get<DeploymentService>().DeployAsync(new DeploymentRequest(
                [new DeploymentFile("complaint.bpmn", new MemoryStream(Encoding.UTF8.GetBytes(process.Xml)))], "test"));
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<RequestCatalogue>().StartAsync("complaint", new StartRequestInput(null, null), Ct);
        await host.StartExecutorAsync();

        clock.Advance(TimeSpan.FromHours(25));
        host.Get<IJobWakeUp>().Notify();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.OpenAllTenants();
            return await db.UserTasks.AnyAsync(t => t.ElementId == "escalated", Ct);
        }, "the SLA timer fires");

        await using var check = host.OpenAllTenants();
        Assert.Null((await check.UserTasks.SingleAsync(t => t.ElementId == "escalated", Ct)).Assignee);
        Assert.Empty(await check.Notifications.ToListAsync(Ct));
    }
}
