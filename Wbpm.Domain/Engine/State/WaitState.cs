namespace Wbpm.Domain.Engine;

/// <summary>
/// An open wait of the instance, referenced by the id a command carries back (task id, external task id, job id,
/// subscription id, call id). Owned by a token (<see cref="TokenId"/>) or, for event subprocess starts, by a scope.
/// </summary>
/// <param name="Id">Globally unique id (from <see cref="IIdGenerator"/>): the row id of the task, job or subscription.</param>
/// <param name="Kind">What the infrastructure keeps a row for.</param>
/// <param name="Purpose">What happens when it is triggered.</param>
/// <param name="ElementId">The element that reacts: the activity, the catch event, the boundary event or the event subprocess start.</param>
/// <param name="TokenId">Owning token (null for event subprocess start subscriptions).</param>
/// <param name="ScopeId">Owning scope for event subprocess starts; otherwise the token's scope.</param>
/// <param name="Timer">For timers: what the cycle still owes (repeats are rescheduled after firing).</param>
public sealed record WaitState(
    string Id,
    WaitKind Kind,
    WaitPurpose Purpose,
    string ElementId,
    string? TokenId,
    string ScopeId,
    TimerCycleState? Timer = null);

public enum WaitKind { UserTask, ExternalTask, Job, MessageSubscription, SignalSubscription, ChildInstance }

public enum WaitPurpose
{
    /// <summary>The token's own activity or catch event is waiting (user task, receive task, catch event, script, call).</summary>
    Activity,

    /// <summary>asyncBefore job: run the node.</summary>
    AsyncBefore,

    /// <summary>asyncAfter job: leave the node.</summary>
    AsyncAfter,

    /// <summary>An event after an event-based gateway (the token waits at the gateway).</summary>
    EventGatewayBranch,

    /// <summary>A boundary event attached to the token's activity.</summary>
    Boundary,

    /// <summary>The start event of an event subprocess of the scope.</summary>
    EventSubProcessStart,
}

/// <summary>A repeating timer cycle: the value, how many repetitions remain (null = unbounded) and the last due time.</summary>
public sealed record TimerCycleState(string Cycle, int? RemainingRepetitions, DateTimeOffset LastDue);
