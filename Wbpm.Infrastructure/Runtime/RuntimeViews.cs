using System.Text.Json;

namespace Wbpm.Infrastructure.Runtime;

/// <param name="Outcome">The label of the start form's outcome button, when the form has outcomes (docs/forms.md).</param>
public sealed record StartInstanceRequest(string? BusinessKey, Dictionary<string, JsonElement>? Variables, string? Outcome = null);

/// <summary>What a requester fills in to start the latest version of a process: its none start event's form, prefilled.</summary>
public sealed record StartFormView(string DefinitionId, string Key, int Version, string? ProcessName, Domain.Modeling.FormDefinition? Form,
    IReadOnlyDictionary<string, JsonElement> Values);

public sealed record InstanceStarted(string Id, string DefinitionId, string Status);

public sealed record InstanceQuery(string? DefinitionKey, string? Status, string? BusinessKey, int Page = 1, int PageSize = 50);

public sealed record InstanceSummary(string Id, string DefinitionId, string DefinitionKey, int Version, string? BusinessKey,
    string Status, bool HasIncident, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

public sealed record ActiveElementView(string ElementId, string ElementType, int Count);

public sealed record InstanceDetails(string Id, string DefinitionId, string DefinitionKey, int Version, string? BusinessKey,
    string Status, bool HasIncident, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, JsonElement> Variables, IReadOnlyList<ActiveElementView> ActiveElements);

/// <param name="CompletedBy">Who completed it (user tasks), when known.</param>
public sealed record HistoryItem(string ElementId, string ElementType, string? Name, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string State,
    string? CompletedBy = null);

public sealed record TaskQuery(string? Assignee, string? CandidateGroup, string? ProcessInstanceId, string? State, int Take = 200);

public sealed record TaskView(string Id, string? Name, string ElementId, string ProcessInstanceId, string DefinitionKey, string? ProcessName,
    string? BusinessKey, string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups, int Priority,
    DateTimeOffset? DueDate, DateTimeOffset? FollowUpDate, string State, string? FormKey, string? FormId, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt, string? CompletedBy);

public sealed record FetchTopic(string TopicName, long LockDuration);

public sealed record FetchAndLockRequest(string WorkerId, int MaxTasks, IReadOnlyList<FetchTopic> Topics);

public sealed record LockedExternalTask(string Id, string TopicName, string WorkerId, DateTimeOffset LockExpirationTime,
    string ProcessInstanceId, string ProcessDefinitionKey, string ActivityId, int? Retries, string? ErrorMessage,
    IReadOnlyDictionary<string, JsonElement> Variables);
