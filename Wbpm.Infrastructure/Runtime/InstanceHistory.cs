using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// An instance's element instances in start order, folded from its append-only history events (the process itself
/// is the instance and not listed). Callers check who may read it.
/// </summary>
public static class InstanceHistory
{
    public static async Task<IReadOnlyList<HistoryItem>> ReadAsync(WbpmDbContext db, string id, CancellationToken cancellationToken)
    {
        var events = await db.HistoryEvents.AsNoTracking().Where(h => h.ProcessInstanceId == id)
            .OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        var items = new List<(string ActivityId, HistoryItem Item)>();
        foreach (var e in events.Where(e => e.ElementType != "process"))
        {
            if (e.StartedAt is { } startedAt)
            {
                // One row for an element instance that started and ended in one command (HistoryEntry).
                items.Add((e.ActivityInstanceId, new HistoryItem(e.ElementId, e.ElementType, e.ElementName, startedAt, e.At, StateOf(e.Kind),
                    e.Kind == HistoryEventKind.Completed ? e.UserId : null)));
                continue;
            }
            var index = items.FindLastIndex(i => i.ActivityId == e.ActivityInstanceId && i.Item.State == "active");
            if (e.Kind == HistoryEventKind.Started || index < 0)
            {
                if (e.Kind == HistoryEventKind.Started)
                    items.Add((e.ActivityInstanceId, new HistoryItem(e.ElementId, e.ElementType, e.ElementName, e.At, null, "active")));
                continue;
            }
            if (e.Kind is HistoryEventKind.Completed or HistoryEventKind.Cancelled)
                items[index] = (e.ActivityInstanceId, items[index].Item with
                {
                    EndedAt = e.At, State = StateOf(e.Kind),
                    CompletedBy = e.Kind == HistoryEventKind.Completed ? e.UserId : null,
                });
        }
        return items.Select(i => i.Item).ToList();
    }

    private static string StateOf(HistoryEventKind end) => end == HistoryEventKind.Completed ? "completed" : "cancelled";
}
