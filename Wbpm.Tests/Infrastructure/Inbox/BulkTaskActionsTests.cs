using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Inbox;

/// <summary>Assign (task.manage) and the bulk claim/assign of a selection, each task checked, committed and audited alone.</summary>
public sealed class BulkTaskActionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Due = DateTimeOffset.UtcNow.AddDays(1);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Bulk_claim_claims_what_it_can_and_reports_each_failure_by_task(DatabaseProvider provider)
    {
        await using var host = await InboxWorld.CreateAsync(provider);
        var free = await InboxWorld.StartOrderAsync(host, "1", "managers", Due);
        var takenByCarol = await InboxWorld.StartOrderAsync(host, "2", "managers", Due);
        var notOffered = await InboxWorld.StartOrderAsync(host, "3", "hr", Due);
        await using (var carol = host.As("carol", Role.User))
            await carol.Get<TaskService>().ClaimAsync(takenByCarol, null, Ct);

        IReadOnlyList<BulkTaskResult> results;
        await using (var bob = host.As("bob", Role.User))
            results = await bob.Get<BulkTaskActions>().ClaimAsync([free, takenByCarol, notOffered, "no-such-task"], Ct);

        Assert.Equal([(free, 204), (takenByCarol, 409), (notOffered, 403), ("no-such-task", 404)], results.Select(r => (r.TaskId, r.Status)));
        Assert.Contains("carol", results[1].Error);
        await using var db = host.OpenAllTenants();
        var assignees = await db.UserTasks.ToDictionaryAsync(t => t.Id, t => t.Assignee, Ct);
        Assert.Equal(("bob", "carol", null), (assignees[free], assignees[takenByCarol], assignees[notOffered]));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "task.claimed", Ct));
    }

    [Fact]
    public async Task Assigning_needs_task_manage_and_an_existing_user_and_replaces_the_assignee_with_an_audit_entry()
    {
        await using var host = await InboxWorld.CreateAsync(DatabaseProvider.Sqlite);
        var first = await InboxWorld.StartOrderAsync(host, "1", "managers", Due);
        var second = await InboxWorld.StartOrderAsync(host, "2", "managers", Due);
        await using (var bob = host.As("bob", Role.User))
        {
            await bob.Get<TaskService>().ClaimAsync(first, null, Ct);
            var denied = await bob.Get<BulkTaskActions>().AssignAsync([first, second], "alice", Ct);
            Assert.All(denied, r => Assert.Equal(403, r.Status));
        }

        await using (var ops = host.As("olga", Role.Operator))
        {
            var unknown = await Assert.ThrowsAsync<ValidationException>(() => ops.Get<TaskService>().AssignAsync(first, "nobody", Ct));
            Assert.Contains("userId", unknown.Errors.Keys);
            var results = await ops.Get<BulkTaskActions>().AssignAsync([first, second], "alice", Ct);
            Assert.All(results, r => Assert.True(r.Succeeded));
            await Assert.ThrowsAsync<ValidationException>(() => ops.Get<BulkTaskActions>().ClaimAsync([], Ct));
        }

        await using var db = host.OpenAllTenants();
        Assert.All(await db.UserTasks.ToListAsync(Ct), t => Assert.Equal("alice", t.Assignee));
        var audit = await db.AuditEntries.Where(a => a.Action == "task.assigned").ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.EntityId == first && a.Before!.Contains("bob") && a.After!.Contains("alice"));
    }
}
