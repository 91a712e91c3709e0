using Wbpm.Domain.Engine;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// One append-only history event of an instance (element started, completed, cancelled, incident).
/// <see cref="Sequence"/> orders events within the instance: the instance revision of the command times a block size
/// plus the effect's position, so "in start order" never depends on clock resolution or insert order. Only the
/// command that won the instance's revision writes history, so (instance, sequence) is the row's key: no id column,
/// no index of its own to write per row.
/// An element instance that starts and ends in the same command (a set task, a gateway, an event passed through: most
/// of a straight-through run) is ONE row: the end event's kind and time, its start in <see cref="StartedAt"/>, and the
/// start's position in <see cref="Sequence"/>. That halves the rows a run writes (docs/benchmarks.md).
/// </summary>
public sealed class HistoryEntry : ITenantOwned
{
    public const long SequenceBlock = 1_000_000;

    private HistoryEntry() { TenantId = ProcessInstanceId = ActivityInstanceId = ElementId = ElementType = ""; }

    public HistoryEntry(ProcessInstance instance, HistoryEvent e, long sequence)
    {
        TenantId = instance.TenantId;
        ProcessInstanceId = instance.Id;
        ActivityInstanceId = e.ActivityInstanceId;
        ElementId = e.ElementId;
        ElementType = e.ElementType;
        ElementName = e.Name;
        Kind = e.Kind;
        At = e.At;
        UserId = e.User;
        Sequence = sequence;
    }

    public string TenantId { get; private set; }
    public string ProcessInstanceId { get; private set; }
    public string ActivityInstanceId { get; private set; }
    public string ElementId { get; private set; }
    public string ElementType { get; private set; }
    public string? ElementName { get; private set; }
    public HistoryEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public long Sequence { get; private set; }

    /// <summary>Set when this row also stands for the element instance's start (same command); null otherwise.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Folds the end of the element instance this row started into the row (both in one command).</summary>
    public void EndInSameCommand(HistoryEvent end)
    {
        StartedAt = At;
        Kind = end.Kind;
        At = end.At;
        UserId = end.User;
    }
}
