using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// User tasks of the current user's tenant. task.work: see and work the tasks you are assignee or candidate of (by
/// user name or group key); task.manage: all of them, and assign anyone. Completing runs the engine in one
/// transaction; of two racing completions exactly one commits and the other gets <see cref="TaskAlreadyCompletedException"/>.
/// </summary>
public sealed class TaskService(
    TenantDbContextFactory contexts, ICurrentUser currentUser, InstanceCommands commands, ExecutableDefinitions definitions,
    AuditTrail audit, TimeProvider time)
{
    public const int MaxTake = 1000;

    public async Task<IReadOnlyList<TaskView>> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        if (query.Take is < 1 or > MaxTake)
            throw ValidationException.For("take", $"take is 1 to {MaxTake}.");
        await using var db = contexts.Create();
        // Literal statuses, not a parameter: the task indexes are partial, for one status each.
        var tasks = (query.State ?? "open").Trim().ToLowerInvariant() switch
        {
            "open" => db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open),
            "completed" => db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Completed),
            var other => throw ValidationException.For("state", $"'{other}' is not a task state: use open or completed."),
        };
        if (!string.IsNullOrWhiteSpace(query.Assignee))
            tasks = tasks.Where(t => t.Assignee == query.Assignee);
        if (!string.IsNullOrWhiteSpace(query.ProcessInstanceId))
            tasks = tasks.Where(t => t.ProcessInstanceId == query.ProcessInstanceId);
        if (!string.IsNullOrWhiteSpace(query.CandidateGroup))
            tasks = tasks.Where(t => db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == CandidateKind.Group && c.Value == query.CandidateGroup));
        if (!currentUser.Has(Permission.TaskManage))
        {
            // Without task.manage a user sees the tasks they could work: theirs, or offered to them or their groups.
            var userName = currentUser.UserName ?? "";
            var groups = await GroupKeysAsync(db, cancellationToken);
            tasks = tasks.Where(t => t.Assignee == userName || db.TaskCandidates.Any(c => c.TaskId == t.Id &&
                ((c.Kind == CandidateKind.User && c.Value == userName) || (c.Kind == CandidateKind.Group && groups.Contains(c.Value)))));
        }
        var rows = await tasks.Include(t => t.Candidates).OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Take(query.Take).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<TaskView> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        return View(await LoadAsync(db, taskId, cancellationToken));
    }

    /// <summary>Claims for yourself (a candidate) or, with task.manage, for <paramref name="userId"/>.</summary>
    public Task ClaimAsync(string taskId, string? userId, CancellationToken cancellationToken = default) =>
        ChangeAssigneeAsync(taskId, "task.claimed", cancellationToken, async (db, task) =>
        {
            var me = currentUser.UserName!;
            var assignee = string.IsNullOrWhiteSpace(userId) ? me : userId.Trim();
            if (assignee != me)
                currentUser.Require(Permission.TaskManage);
            else if (!currentUser.Has(Permission.TaskManage) && !task.IsCandidate(me, await GroupKeysAsync(db, cancellationToken)) && task.Assignee != me)
                throw new ForbiddenException($"{Permission.TaskManage} (you are not a candidate of task '{task.Id}')");
            if (task.Assignee is { } current && current != assignee)
                throw new RuntimeConflictException($"Task '{task.Id}' is already claimed by {current}; it must be unclaimed first.");
            return assignee;
        });

    public Task UnclaimAsync(string taskId, CancellationToken cancellationToken = default) =>
        ChangeAssigneeAsync(taskId, "task.unclaimed", cancellationToken, (_, task) =>
        {
            if (task.Assignee != currentUser.UserName)
                currentUser.Require(Permission.TaskManage);
            return Task.FromResult<string?>(null);
        });

    /// <summary>Hands the task to <paramref name="userId"/>: its assignee may do so, anyone with task.manage too.</summary>
    public Task DelegateAsync(string taskId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAssigneeAsync(taskId, "task.delegated", cancellationToken, (_, task) =>
        {
            if (string.IsNullOrWhiteSpace(userId))
                throw ValidationException.For("userId", "Name the user to delegate the task to.");
            if (task.Assignee != currentUser.UserName)
                currentUser.Require(Permission.TaskManage);
            return Task.FromResult<string?>(userId.Trim());
        });

    /// <summary>task.manage: makes <paramref name="userId"/> (a user of the tenant) the assignee, replacing any current one.</summary>
    public Task AssignAsync(string taskId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAssigneeAsync(taskId, "task.assigned", cancellationToken, async (db, _) =>
        {
            currentUser.Require(Permission.TaskManage);
            var assignee = userId?.Trim() ?? "";
            var tenantId = currentUser.TenantId;
            if (assignee.Length == 0)
                throw ValidationException.For("userId", "Name the user to assign the task to.");
            if (!await db.Users.AnyAsync(u => u.UserName == assignee && u.TenantId == tenantId, cancellationToken))
                throw ValidationException.For("userId", $"There is no user '{assignee}' in this tenant.");
            return assignee;
        });

    public Task CompleteAsync(string taskId, IReadOnlyDictionary<string, JsonElement>? variables, CancellationToken cancellationToken = default) =>
        CompleteAsync(taskId, variables, null, cancellationToken);

    /// <summary>
    /// Completes with <paramref name="variables"/> checked against the task's deployed form (docs/forms.md) and the
    /// form outcome named by its label; a refused submission is a <see cref="ValidationException"/> and changes nothing.
    /// </summary>
    public async Task CompleteAsync(string taskId, IReadOnlyDictionary<string, JsonElement>? variables, string? outcome,
        CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        // Without its candidates: only an unassigned task completed by someone without task.manage needs them.
        var task = await db.UserTasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException("Task", taskId);
        ThrowIfClosed(task);
        var me = currentUser.UserName!;
        if (!currentUser.Has(Permission.TaskManage) && task.Assignee != me
            && (task.Assignee is not null || !await IsCandidateAsync(db, task, me, cancellationToken)))
            throw new ForbiddenException($"{Permission.TaskManage} (only the assignee or a candidate may complete task '{taskId}')");
        variables = await CheckFormAsync(db, task, variables, outcome, cancellationToken);
        var now = time.GetUtcNow();
        try
        {
            await commands.StageAsync(db, task.ProcessInstanceId, new CompleteUserTask(taskId, variables, me), now, cancellationToken);
        }
        catch (CommandRejectedException e)
        {
            // Our task row was read before a racing completion committed, the instance after it: say who won.
            await ThrowWhyCompletionLostAsync(taskId, cancellationToken);
            throw new RuntimeConflictException(e.Message);
        }
        audit.Record(db, "task.completed", "UserTask", taskId, null, new { Variables = variables?.Keys.Order().ToList() ?? [] });
        try
        {
            await commands.CommitAsync(db, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ThrowWhyCompletionLostAsync(taskId, cancellationToken);
        }
    }

    private async Task<IReadOnlyDictionary<string, JsonElement>?> CheckFormAsync(WbpmDbContext db, UserTask task,
        IReadOnlyDictionary<string, JsonElement>? variables, string? outcome, CancellationToken cancellationToken)
    {
        // Tracked: staging the completion finds this row again instead of loading it twice.
        var instance = await db.ProcessInstances.FindAsync([task.ProcessInstanceId], cancellationToken)
            ?? throw new NotFoundException("Process instance", task.ProcessInstanceId);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, cancellationToken);
        var form = (definition.Model.FindNode(task.ElementId) as Domain.Modeling.UserTask)?.FormDefinition;
        var current = instance.State().VariablesVisibleAt(task.TokenId) ?? new Dictionary<string, JsonElement>();
        return await Forms.FormChecks.CheckAsync(db, form, variables, current, outcome, cancellationToken);
    }

    private async Task ChangeAssigneeAsync(string taskId, string action, CancellationToken cancellationToken,
        Func<WbpmDbContext, UserTask, Task<string?>> decide)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var task = await LoadAsync(db, taskId, cancellationToken);
        ThrowIfClosed(task);
        var before = task.Assignee;
        var assignee = await decide(db, task);
        task.Assign(assignee);
        audit.Record(db, action, "UserTask", taskId, new { Assignee = before }, new { Assignee = assignee });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ThrowWhyCompletionLostAsync(taskId, cancellationToken);
        }
    }

    /// <summary>After a lost race: the task was completed (say by whom), or it changed some other way.</summary>
    private async Task ThrowWhyCompletionLostAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var fresh = contexts.Create();
        var task = await fresh.UserTasks.AsNoTracking().FirstAsync(t => t.Id == taskId, cancellationToken);
        ThrowIfClosed(task);
        throw new RuntimeConflictException($"Task '{taskId}' changed while this request ran (another change committed first); reload and try again.");
    }

    private static void ThrowIfClosed(UserTask task)
    {
        if (task.Status == UserTaskStatus.Completed)
            throw new TaskAlreadyCompletedException(task.Id, task.CompletedBy, task.CompletedAt);
        if (task.Status == UserTaskStatus.Cancelled)
            throw new RuntimeConflictException($"Task '{task.Id}' was cancelled (its activity was interrupted or the instance ended).");
    }

    private static async Task<UserTask> LoadAsync(WbpmDbContext db, string taskId, CancellationToken cancellationToken) =>
        await db.UserTasks.Include(t => t.Candidates).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
        ?? throw new NotFoundException("Task", taskId);

    private async Task<bool> IsCandidateAsync(WbpmDbContext db, UserTask task, string me, CancellationToken cancellationToken)
    {
        await db.Entry(task).Collection(t => t.Candidates).LoadAsync(cancellationToken);
        return task.IsCandidate(me, await GroupKeysAsync(db, cancellationToken));
    }

    private async Task<IReadOnlyCollection<string>> GroupKeysAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        return await db.Groups.Where(g => g.Members.Any(m => m.UserId == userId)).Select(g => g.Key).ToListAsync(cancellationToken);
    }

    internal static TaskView View(UserTask t) => new(t.Id, t.Name, t.ElementId, t.ProcessInstanceId, t.DefinitionKey, t.ProcessName,
        t.BusinessKey, t.Assignee,
        t.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).Order().ToList(),
        t.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).Order().ToList(),
        t.Priority, t.DueDate, t.FollowUpDate, t.Status.ToString().ToLowerInvariant(), t.FormKey, t.FormId, t.CreatedAt, t.CompletedAt, t.CompletedBy);
}
