using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Notifications;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Portal;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Portal;

/// <summary>
/// In-app notifications written with their cause: a task given to someone by somebody else (or by the engine), a
/// task of yours passing its due date (the overdue sweep, once), a request you started completing; each user sees and
/// marks only their own, in their own tenant.
/// </summary>
public sealed class NotificationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(RuntimeTestHost Host, ManualTimeProvider Clock)> HostAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var clock = new ManualTimeProvider(T0);
        var host = await RuntimeTestHost.CreateAsync(provider, clock);
        await host.DeployAsync("portal-expense.bpmn", "portal-open.bpmn");
        return (host, clock);
    }

    private static async Task<NotificationList> NotificationsOfAsync(RuntimeTestHost host, string user)
    {
        await using var scope = host.As(user, Role.User);
        return await scope.Get<UserNotifications>().ListAsync(cancellationToken: Ct);
    }

    private static async Task<string> StartExpenseAsync(RuntimeTestHost host)
    {
        await using var carol = host.As("carol", Role.User);
        return (await carol.Get<RequestCatalogue>().StartAsync("portal-expense", new StartRequestInput("EXP-9", null), Ct)).Id;
    }

    private static async Task CompleteOpenTaskAsync(RuntimeTestHost host, string instanceId, string user, params string[] roles)
    {
        await using var scope = host.As(user, roles);
        var task = Assert.Single(await scope.Get<TaskService>().ListAsync(new TaskQuery(null, null, instanceId, "open"), Ct));
        await scope.Get<TaskService>().CompleteAsync(task.Id, null, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_task_the_engine_assigns_after_someone_elses_completion_notifies_the_assignee_with_a_link_to_the_task(DatabaseProvider provider)
    {
        var (host, _) = await HostAsync(provider);
        await using var _h = host;
        var id = await StartExpenseAsync(host);

        await CompleteOpenTaskAsync(host, id, "olga", Role.Operator);

        var bobs = await NotificationsOfAsync(host, "bob");
        var assigned = Assert.Single(bobs.Items);
        Assert.Equal(("task-assigned", "Task assigned to you: Pay out (Expense refund) · EXP-9"), (assigned.Kind, assigned.Title));
        await using var db = host.OpenAllTenants();
        var payout = await db.UserTasks.SingleAsync(t => t.ProcessInstanceId == id && t.ElementId == "payout", Ct);
        Assert.Equal($"/tasks/{payout.Id}", assigned.Link);
        Assert.Equal(1, bobs.UnreadCount);
    }

    [Fact]
    public async Task Claiming_a_task_for_yourself_notifies_nobody_and_delegating_it_notifies_the_new_assignee()
    {
        var (host, _) = await HostAsync();
        await using var _h = host;
        var id = await StartExpenseAsync(host);
        await using (var bob = host.As("bob", Role.User))
        {
            var review = Assert.Single(await bob.Get<TaskService>().ListAsync(new TaskQuery(null, "managers", id, "open"), Ct));
            await bob.Get<TaskService>().ClaimAsync(review.Id, null, Ct);
            await bob.Get<TaskService>().DelegateAsync(review.Id, "alice", Ct);
        }

        Assert.Empty((await NotificationsOfAsync(host, "bob")).Items);
        Assert.Equal("task-assigned", Assert.Single((await NotificationsOfAsync(host, "alice")).Items).Kind);
    }

    [Fact]
    public async Task A_request_that_completes_notifies_the_person_who_started_it()
    {
        var (host, _) = await HostAsync();
        await using var _h = host;
        var id = await StartExpenseAsync(host);
        await CompleteOpenTaskAsync(host, id, "bob", Role.User);
        Assert.Empty((await NotificationsOfAsync(host, "carol")).Items);

        await CompleteOpenTaskAsync(host, id, "bob", Role.User);

        var completed = Assert.Single((await NotificationsOfAsync(host, "carol")).Items);
        Assert.Equal(("request-completed", $"/portal/requests/{id}"), (completed.Kind, completed.Link));
        Assert.Equal("Your request completed: Expense refund · EXP-9", completed.Title);
    }

    [Fact]
    public async Task The_overdue_sweep_notifies_the_assignee_of_a_task_past_its_due_date_exactly_once()
    {
        var (host, clock) = await HostAsync();
        await using var _h = host;
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<RequestCatalogue>().StartAsync("portal-open", new StartRequestInput("HAZ-1", null), Ct);
        var sweep = host.Get<OverdueTaskSweep>();
        Assert.Equal(0, await sweep.SweepAsync(Ct));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await sweep.SweepAsync(Ct));
        Assert.Equal(0, await sweep.SweepAsync(Ct));

        var overdue = Assert.Single((await NotificationsOfAsync(host, "alice")).Items);
        Assert.Equal(("task-overdue", "Overdue: Check hazard (Report a hazard) · HAZ-1"), (overdue.Kind, overdue.Title));
        Assert.Equal(T0.AddHours(3), overdue.CreatedAt);
    }

    [Fact]
    public async Task Users_list_count_and_mark_read_only_their_own_notifications_and_another_tenant_sees_none()
    {
        var (host, _) = await HostAsync();
        await using var _h = host;
        var id = await StartExpenseAsync(host);
        await CompleteOpenTaskAsync(host, id, "olga", Role.Operator);
        await CompleteOpenTaskAsync(host, id, "bob", Role.User);
        var bobsId = Assert.Single((await NotificationsOfAsync(host, "bob")).Items).Id;

        await using (var alice = host.As("alice", Role.User))
        {
            await Assert.ThrowsAsync<NotFoundException>(() => alice.Get<UserNotifications>().MarkReadAsync(bobsId, Ct));
            Assert.Equal(0, await alice.Get<UserNotifications>().MarkAllReadAsync(Ct));
        }
        await using (var otherBob = host.AsIn(RuntimeTestHost.TenantB, "bob", Role.User))
        {
            Assert.Empty((await otherBob.Get<UserNotifications>().ListAsync(cancellationToken: Ct)).Items);
            await Assert.ThrowsAsync<NotFoundException>(() => otherBob.Get<UserNotifications>().MarkReadAsync(bobsId, Ct));
        }
        await using (var bob = host.As("bob", Role.User))
        {
            Assert.Equal(1, await bob.Get<UserNotifications>().UnreadCountAsync(Ct));
            await bob.Get<UserNotifications>().MarkReadAsync(bobsId, Ct);
            Assert.Equal(0, await bob.Get<UserNotifications>().UnreadCountAsync(Ct));
            Assert.NotNull(Assert.Single((await bob.Get<UserNotifications>().ListAsync(cancellationToken: Ct)).Items).ReadAt);
        }
        await using (var carol = host.As("carol", Role.User))
        {
            Assert.Equal(1, await carol.Get<UserNotifications>().MarkAllReadAsync(Ct));
            Assert.Empty((await carol.Get<UserNotifications>().ListAsync(unreadOnly: true, cancellationToken: Ct)).Items);
        }
    }

    [Fact]
    public async Task Committed_notifications_reach_the_feed_and_a_rolled_back_change_writes_and_announces_none()
    {
        var (host, _) = await HostAsync();
        await using var _h = host;
        var seen = new List<NotificationPublished>();
        using var subscription = host.Get<NotificationFeed>().Subscribe(n => { lock (seen) seen.AddRange(n); });
        var id = await StartExpenseAsync(host);
        await CompleteOpenTaskAsync(host, id, "olga", Role.Operator);
        var published = Assert.Single(seen);
        Assert.Equal((RuntimeTestHost.TenantA, "bob", NotificationKind.TaskAssigned), (published.TenantId, published.Recipient, published.Kind));

        // A delegation that loses a race (the task's revision moved on) rolls back with its notification.
        seen.Clear();
        await using (var db = host.Get<WbpmDbContextFactory>().Create(TenantScope.For(RuntimeTestHost.TenantA)))
        {
            var payout = await db.UserTasks.SingleAsync(t => t.ProcessInstanceId == id && t.ElementId == "payout", Ct);
            await using (var other = host.Get<WbpmDbContextFactory>().Create(TenantScope.For(RuntimeTestHost.TenantA)))
            {
                (await other.UserTasks.SingleAsync(t => t.Id == payout.Id, Ct)).Assign("bob");
                await other.SaveChangesAsync(Ct);
            }
            payout.Assign("carol");
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        }
        Assert.Empty(seen);
        Assert.DoesNotContain((await NotificationsOfAsync(host, "carol")).Items, n => n.Kind == "task-assigned");
    }
}
