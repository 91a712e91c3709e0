using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wbpm.Infrastructure.Runtime.Changes;

/// <summary>
/// Sees every user task row a SaveChanges writes (engine commands, job executor, assignment changes alike) and
/// publishes them to the <see cref="TaskChangeFeed"/> only once the transaction committed: a rolled-back change is
/// never announced.
/// </summary>
public sealed class TaskChangeCapture(TaskChangeFeed feed) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<TaskChange>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishPending(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        PublishPending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null) return;
        var changes = new List<TaskChange>();
        foreach (var entry in context.ChangeTracker.Entries<UserTask>())
            if (Describe(entry) is { } change)
                changes.Add(change);
        if (changes.Count > 0)
            _pending.AddOrUpdate(context, changes);
        else
            _pending.Remove(context);
    }

    private void PublishPending(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changes)) return;
        _pending.Remove(context);
        feed.Publish(changes);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }

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
