using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Who may see a task (its page, variables and comments): task.manage; or, with task.work, its assignee, its
/// candidates (by user name or group key) and whoever completed it. The same rule as the task list's filter.
/// </summary>
public static class TaskAccess
{
    /// <summary>The task with its candidates; 404 when it is not in the tenant, 403 when the user may not see it.</summary>
    public static async Task<UserTask> LoadVisibleAsync(WbpmDbContext db, ICurrentUser user, string taskId, CancellationToken cancellationToken)
    {
        user.Require(Permission.TaskWork);
        var task = await db.UserTasks.AsNoTracking().Include(t => t.Candidates).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException("Task", taskId);
        if (user.Has(Permission.TaskManage)) return task;
        var me = user.UserName ?? "";
        if (task.Assignee == me || task.CompletedBy == me || task.IsCandidate(me, await GroupKeysAsync(db, user, cancellationToken)))
            return task;
        throw new ForbiddenException($"{Permission.TaskManage} (task '{taskId}' is neither assigned nor offered to you)");
    }

    /// <summary>True when the user may complete the open task: its assignee, a candidate of an unassigned task, or task.manage.</summary>
    public static bool CanComplete(UserTask task, ICurrentUser user, IReadOnlyCollection<string> groupKeys)
    {
        var me = user.UserName ?? "";
        return task.Status == UserTaskStatus.Open &&
               (user.Has(Permission.TaskManage) || task.Assignee == me || (task.Assignee is null && task.IsCandidate(me, groupKeys)));
    }

    public static async Task<IReadOnlyCollection<string>> GroupKeysAsync(WbpmDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        return await db.Groups.Where(g => g.Members.Any(m => m.UserId == userId)).Select(g => g.Key).ToListAsync(cancellationToken);
    }
}
