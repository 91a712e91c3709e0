using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Something the infrastructure must write in the same transaction as the new state (rows for tasks, jobs,
/// subscriptions, history, incidents) or hand on after commit (messages, signals, child instances). Effects are
/// listed in the order they happened.
/// </summary>
public abstract record EngineEffect;

public sealed record UserTaskCreated(
    string TaskId,
    string TokenId,
    string ElementId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueDate,
    DateTimeOffset? FollowUpDate,
    int Priority,
    string? FormKey,
    string? FormId,
    DateTimeOffset CreatedAt) : EngineEffect;

public sealed record UserTaskCompleted(string TaskId, string ElementId, string? User, DateTimeOffset At) : EngineEffect;

public sealed record UserTaskCancelled(string TaskId, string ElementId, DateTimeOffset At) : EngineEffect;

public sealed record ExternalTaskCreated(
    string ExternalTaskId, string TokenId, string ElementId, string Topic, int Retries, string RetryTimeCycle, DateTimeOffset CreatedAt) : EngineEffect;

public sealed record ExternalTaskCompleted(string ExternalTaskId, string ElementId) : EngineEffect;

public sealed record ExternalTaskCancelled(string ExternalTaskId, string ElementId) : EngineEffect;

public enum JobKind { AsyncBefore, AsyncAfter, Timer, Script }

public sealed record JobScheduled(
    string JobId, JobKind Kind, DateTimeOffset DueAt, string ElementId, string? TokenId, int Retries, string RetryTimeCycle) : EngineEffect;

/// <summary>The job ran (RunJob was applied): delete its row.</summary>
public sealed record JobCompleted(string JobId) : EngineEffect;

public sealed record JobCancelled(string JobId, string ElementId) : EngineEffect;

public enum SubscriptionKind { Message, Signal }

/// <summary>Correlation key: the FEEL wbpm:correlationKey evaluated when the subscription opened (messages only).</summary>
public sealed record SubscriptionOpened(
    string SubscriptionId, SubscriptionKind Kind, string Name, string? CorrelationKey, string ElementId, string? TokenId) : EngineEffect;

public sealed record SubscriptionClosed(string SubscriptionId, SubscriptionKind Kind, string ElementId) : EngineEffect;

public sealed record MessagePublished(string Name, string? CorrelationKey, IReadOnlyDictionary<string, JsonElement> Variables, string ElementId) : EngineEffect;

public sealed record SignalBroadcast(string Name, IReadOnlyDictionary<string, JsonElement> Variables, string ElementId) : EngineEffect;

/// <summary>A call activity wants a child instance of <paramref name="CalledElement"/> (process key); binding "latest".</summary>
public sealed record ChildInstanceRequested(
    string CallId, string CalledElement, string Binding, IReadOnlyDictionary<string, JsonElement> Variables,
    string ParentTokenId, string ElementId, string? BusinessKey) : EngineEffect;

/// <summary>The call activity was cancelled or interrupted: cancel the child instance started for the call.</summary>
public sealed record ChildInstanceCancellationRequested(string CallId, string ElementId) : EngineEffect;

public enum HistoryEventKind { Started, Completed, Cancelled, Incident }

public sealed record HistoryEvent(
    string ActivityInstanceId, string ElementId, string ElementType, string? Name, HistoryEventKind Kind, DateTimeOffset At, string? User) : EngineEffect;

public sealed record IncidentRaised(string IncidentId, string TokenId, string ElementId, string Message, DateTimeOffset At) : EngineEffect;

public sealed record IncidentResolved(string IncidentId) : EngineEffect;

/// <summary>The instance ended. <paramref name="ErrorCode"/>: an error nobody caught ended a called instance.</summary>
public sealed record InstanceEnded(InstanceStatus Status, DateTimeOffset At, string? ErrorCode = null, string? ErrorMessage = null) : EngineEffect;
