using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Runtime.Comments;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>Comments on a task of approval.bpmn (candidates: group managers = bob, user carol).</summary>
public sealed class TaskCommentServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(RuntimeTestHost Host, string TaskId)> TaskAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("approval.bpmn");
        await using (var alice = host.As("alice", Role.User))
            await alice.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct);
        await using var db = host.OpenAllTenants();
        return (host, await db.UserTasks.Select(t => t.Id).SingleAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Candidates_add_comments_and_read_them_in_order_with_author_and_time(DatabaseProvider provider)
    {
        var (host, taskId) = await TaskAsync(provider);
        await using var _ = host;

        await using (var bob = host.As("bob", Role.User))
            await bob.Get<TaskCommentService>().AddAsync(taskId, "  Looks fine to me. ", Ct);
        await using (var carol = host.As("carol", Role.User))
            await carol.Get<TaskCommentService>().AddAsync(taskId, "Agreed.", Ct);

        await using var reader = host.As("bob", Role.User);
        var comments = await reader.Get<TaskCommentService>().ListAsync(taskId, Ct);
        Assert.Equal([("bob", "Looks fine to me."), ("carol", "Agreed.")], comments.Select(c => (c.Author, c.Text)));
        Assert.True(comments[0].CreatedAt <= comments[1].CreatedAt);
        await using var db = host.OpenAllTenants();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "task.commented", Ct));
    }

    [Fact]
    public async Task Users_the_task_is_not_offered_to_can_neither_read_nor_add_comments()
    {
        var (host, taskId) = await TaskAsync();
        await using var _ = host;

        await using (var alice = host.As("alice", Role.User))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => alice.Get<TaskCommentService>().AddAsync(taskId, "let me in", Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => alice.Get<TaskCommentService>().ListAsync(taskId, Ct));
        }
        await using (var other = host.AsIn(RuntimeTestHost.TenantB, "eve", Role.Admin))
            await Assert.ThrowsAsync<NotFoundException>(() => other.Get<TaskCommentService>().AddAsync(taskId, "hello", Ct));
        await using var db = host.OpenAllTenants();
        Assert.Equal(0, await db.TaskComments.CountAsync(Ct));
    }

    [Fact]
    public async Task Blank_or_too_long_comments_are_refused_and_nothing_is_saved()
    {
        var (host, taskId) = await TaskAsync();
        await using var _ = host;
        await using var bob = host.As("bob", Role.User);

        Assert.Equal(["text"], (await Assert.ThrowsAsync<ValidationException>(() => bob.Get<TaskCommentService>().AddAsync(taskId, "  ", Ct))).Errors.Keys);
        await Assert.ThrowsAsync<ValidationException>(() => bob.Get<TaskCommentService>().AddAsync(taskId, new string('x', TaskComment.MaxTextLength + 1), Ct));
        await bob.Get<TaskCommentService>().AddAsync(taskId, new string('x', TaskComment.MaxTextLength), Ct);

        await using var db = host.OpenAllTenants();
        Assert.Equal(1, await db.TaskComments.CountAsync(Ct));
    }
}
