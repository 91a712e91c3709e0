namespace Wbpm.Infrastructure.Runtime.Changes;

public enum TaskChangeKind { Created, Reassigned, Completed, Cancelled }

/// <summary>
/// A user task that changed in a committed transaction: enough for an open inbox to decide whether it cares
/// (whose list the task is in) without reading the database. Candidates are empty when the writer did not load them
/// (a completion or cancellation by the engine): a subscriber that needs them for those reads the row.
/// </summary>
public sealed record TaskChange(
    string TenantId,
    string TaskId,
    string ProcessInstanceId,
    TaskChangeKind Kind,
    string? Name,
    string? ProcessName,
    string? Assignee,
    string? PreviousAssignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueDate,
    string? CompletedBy);
