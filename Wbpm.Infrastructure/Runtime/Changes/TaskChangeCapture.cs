using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime.Changes;

/// <summary>
/// Sees every user task row a SaveChanges writes (engine commands, job executor, assignment changes alike) and
/// publishes them to the <see cref="TaskChangeFeed"/> only once the transaction committed: a rolled-back change is
/// never announced.
/// </summary>
public sealed class TaskChangeCapture(TaskChangeFeed feed) : AfterCommitInterceptor<TaskChange>
{
    protected override List<TaskChange> Capture(DbContext context)
    {
        var changes = new List<TaskChange>();
        foreach (var entry in context.ChangeTracker.Entries<UserTask>())
            if (Describe(entry) is { } change)
                changes.Add(change);
        return changes;
    }

    protected override void Publish(IReadOnlyList<TaskChange> captured) => feed.Publish(captured);

    private static TaskChange? Describe(EntityEntry<UserTask> entry)
    {
        var task = entry.Entity;
        TaskChangeKind? kind = entry.State switch
        {
            EntityState.Added => TaskChangeKind.Created,
            EntityState.Modified when task.Status == UserTaskStatus.Completed => TaskChangeKind.Completed,
            EntityState.Modified when task.Status == UserTaskStatus.Cancelled => TaskChangeKind.Cancelled,
            EntityState.Modified => TaskChangeKind.Reassigned,
            _ => null,
        };
        if (kind is null) return null;
        var previousAssignee = entry.State == EntityState.Added ? null : entry.OriginalValues.GetValue<string?>(nameof(UserTask.Assignee));
        return new TaskChange(task.TenantId, task.Id, task.ProcessInstanceId, kind.Value, task.Name, task.ProcessName,
            task.Assignee, previousAssignee,
            task.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).ToList(),
            task.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).ToList(),
            task.DueDate, task.CompletedBy);
    }
}
