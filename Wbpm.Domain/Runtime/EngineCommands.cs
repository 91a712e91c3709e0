using System.Text.Json;

namespace Wbpm.Domain.Runtime;

/// <summary>
/// What an instance is asked to do. Ids in commands are the ids the engine handed out in its effects (task ids,
/// external task ids, job ids, subscription ids, call ids). Variables are JSON values (clone them if they come
/// from a JsonDocument you dispose).
/// </summary>
public abstract record EngineCommand;

/// <summary>
/// Starts a new instance of the definition given to the engine. <paramref name="StartEventId"/> picks a message,
/// timer or signal start event of the process (the infrastructure matched it); null takes the none start event.
/// </summary>
public sealed record StartInstance(
    string? StartEventId = null,
    string? BusinessKey = null,
    IReadOnlyDictionary<string, JsonElement>? Variables = null,
    string? StartedBy = null,
    Engine.ParentCall? Parent = null) : EngineCommand;

public sealed record CompleteUserTask(string TaskId, IReadOnlyDictionary<string, JsonElement>? Variables = null, string? User = null) : EngineCommand;

public sealed record CompleteExternalTask(string ExternalTaskId, IReadOnlyDictionary<string, JsonElement>? Variables = null) : EngineCommand;

/// <summary>A worker reports a business error: caught by the nearest matching error boundary or event subprocess.</summary>
public sealed record ExternalTaskBpmnError(string ExternalTaskId, string ErrorCode, string? Message = null, IReadOnlyDictionary<string, JsonElement>? Variables = null) : EngineCommand;

/// <summary>Runs a due job: async continuation, timer, or a script's result (<paramref name="Variables"/>).</summary>
public sealed record RunJob(string JobId, IReadOnlyDictionary<string, JsonElement>? Variables = null) : EngineCommand;

public sealed record CorrelateMessage(string SubscriptionId, IReadOnlyDictionary<string, JsonElement>? Variables = null) : EngineCommand;

public sealed record TriggerSignal(string SubscriptionId, IReadOnlyDictionary<string, JsonElement>? Variables = null) : EngineCommand;

public sealed record CancelInstance(string? Reason = null, string? User = null) : EngineCommand;

/// <summary>Sets variables on a scope (the process scope when <paramref name="ScopeId"/> is null).</summary>
public sealed record SetVariables(IReadOnlyDictionary<string, JsonElement> Variables, string? ScopeId = null) : EngineCommand;

/// <summary>
/// The child instance of a call activity ended: with its variables (for the out mappings), or with an error code
/// nobody caught in the child (it propagates from the call activity in the parent).
/// </summary>
public sealed record ChildInstanceEnded(string CallId, IReadOnlyDictionary<string, JsonElement>? Variables = null, string? ErrorCode = null, string? ErrorMessage = null) : EngineCommand;

/// <summary>Repeats the step that raised the incident (after the cause was fixed, e.g. a variable was set).</summary>
public sealed record ResolveIncident(string IncidentId) : EngineCommand;
