namespace Wbpm.Domain.Modeling;

/// <summary>tEvent (section 10.5): a flow node with zero or more event definitions.</summary>
public abstract record Event : FlowNode
{
    public IReadOnlyList<EventDefinition> EventDefinitions { get; init; } = [];

    /// <summary>What triggers (or is thrown by) the event; Multiple when more than one definition is given.</summary>
    public EventTrigger Trigger => EventDefinitions.Count switch
    {
        0 => EventTrigger.None,
        1 => EventDefinitions[0].Trigger,
        _ => EventTrigger.Multiple,
    };

    /// <summary>The single event definition, or null for none and multiple events.</summary>
    public EventDefinition? Definition => EventDefinitions.Count == 1 ? EventDefinitions[0] : null;
}

public sealed record StartEvent : Event
{
    /// <summary>Only meaningful in event subprocesses (section 10.5.2): false keeps the parent scope running.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary>wbpm:formDefinition: the start form a requester fills in (docs/forms.md).</summary>
    public FormDefinition? FormDefinition { get; init; }
}

public sealed record EndEvent : Event;

public sealed record IntermediateCatchEvent : Event;

public sealed record IntermediateThrowEvent : Event;

/// <summary>An event attached to an activity's boundary (section 10.5.4).</summary>
public sealed record BoundaryEvent : Event
{
    public required string AttachedToRef { get; init; }

    /// <summary>True (the default) interrupts the activity; false runs the boundary path alongside it.</summary>
    public bool CancelActivity { get; init; } = true;
}
