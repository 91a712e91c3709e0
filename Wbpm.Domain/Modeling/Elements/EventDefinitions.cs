namespace Wbpm.Domain.Modeling;

public enum EventTrigger
{
    None, Message, Timer, Signal, Error, Escalation, Terminate, Conditional, Link, Compensation, Cancel, Multiple,
}

/// <summary>tEventDefinition (section 10.5.5). Ids are optional in BPMN, so this is not a BaseElement.</summary>
public abstract record EventDefinition : ModelElement
{
    public string? Id { get; init; }
    public abstract EventTrigger Trigger { get; }
}

public enum TimerKind
{
    /// <summary>timeDate: an ISO 8601 date-time.</summary>
    Date,

    /// <summary>timeDuration: an ISO 8601 duration.</summary>
    Duration,

    /// <summary>timeCycle: ISO 8601 repeating interval (R3/PT10M) or cron.</summary>
    Cycle,
}

public sealed record TimerEventDefinition : EventDefinition
{
    /// <summary>Null when the definition has none of timeDate / timeDuration / timeCycle.</summary>
    public TimerKind? Kind { get; init; }
    public string? Expression { get; init; }
    public override EventTrigger Trigger => EventTrigger.Timer;
}

public sealed record MessageEventDefinition : EventDefinition
{
    public string? MessageRef { get; init; }

    /// <summary>Name of the referenced &lt;message&gt;: what correlation matches on.</summary>
    public string? MessageName { get; init; }

    /// <summary>wbpm:correlationKey: FEEL expression evaluated to the key a message must carry.</summary>
    public string? CorrelationKey { get; init; }

    public override EventTrigger Trigger => EventTrigger.Message;
}

public sealed record SignalEventDefinition : EventDefinition
{
    public string? SignalRef { get; init; }
    public string? SignalName { get; init; }
    public override EventTrigger Trigger => EventTrigger.Signal;
}

public sealed record ErrorEventDefinition : EventDefinition
{
    public string? ErrorRef { get; init; }

    /// <summary>errorCode of the referenced &lt;error&gt;; null on a catch means "catch every error".</summary>
    public string? ErrorCode { get; init; }

    /// <summary>wbpm:/camunda:errorCodeVariable: where a catching event stores the caught code.</summary>
    public string? ErrorCodeVariable { get; init; }

    public override EventTrigger Trigger => EventTrigger.Error;
}

public sealed record EscalationEventDefinition : EventDefinition
{
    public string? EscalationRef { get; init; }
    public string? EscalationCode { get; init; }
    public override EventTrigger Trigger => EventTrigger.Escalation;
}

public sealed record TerminateEventDefinition : EventDefinition
{
    public override EventTrigger Trigger => EventTrigger.Terminate;
}

public sealed record ConditionalEventDefinition : EventDefinition
{
    public string? Condition { get; init; }
    public override EventTrigger Trigger => EventTrigger.Conditional;
}

public sealed record LinkEventDefinition : EventDefinition
{
    public string? Name { get; init; }
    public override EventTrigger Trigger => EventTrigger.Link;
}

public sealed record CompensateEventDefinition : EventDefinition
{
    public string? ActivityRef { get; init; }
    public override EventTrigger Trigger => EventTrigger.Compensation;
}

public sealed record CancelEventDefinition : EventDefinition
{
    public override EventTrigger Trigger => EventTrigger.Cancel;
}
