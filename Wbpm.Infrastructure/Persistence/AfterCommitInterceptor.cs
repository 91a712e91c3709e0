using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// Sees what a SaveChanges is about to write (<see cref="Capture"/>, which may still add rows to that same save) and
/// hands what it captured on (<see cref="Publish"/>) only after the save succeeded; a failed save discards it. So
/// nothing that rolls back is ever announced (live inboxes, toasts, the notification bell). A save inside a group
/// commit announces when the group's transaction has committed (<see cref="GroupCommit"/>).
/// </summary>
public abstract class AfterCommitInterceptor<T> : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<T>> _pending = new();

    /// <summary>What this save announces once committed; empty for nothing.</summary>
    protected abstract List<T> Capture(DbContext context);

    protected abstract void Publish(IReadOnlyList<T> captured);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
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

    private void Stage(DbContext? context)
    {
        if (context is null) return;
        var captured = Capture(context);
        if (captured.Count > 0)
            _pending.AddOrUpdate(context, captured);
        else
            _pending.Remove(context);
    }

    private void PublishPending(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var captured)) return;
        _pending.Remove(context);
        if (context is WbpmDbContext { HeldAnnouncements: { } held })
            held.Add(() => Publish(captured));
        else
            Publish(captured);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
