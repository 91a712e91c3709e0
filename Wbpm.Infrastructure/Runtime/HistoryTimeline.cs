using Wbpm.Domain.Engine;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>History events of one instance folded into element instances in start order (the process itself left out).</summary>
public static class HistoryTimeline
{
    public static IReadOnlyList<HistoryItem> Fold(IEnumerable<HistoryEntry> eventsInSequence)
    {
        var items = new List<(string ActivityId, HistoryItem Item)>();
        foreach (var e in eventsInSequence.Where(e => e.ElementType != "process"))
        {
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
                    EndedAt = e.At, State = e.Kind == HistoryEventKind.Completed ? "completed" : "cancelled",
                });
        }
        return items.Select(i => i.Item).ToList();
    }
}
