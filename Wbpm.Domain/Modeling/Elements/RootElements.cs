namespace Wbpm.Domain.Modeling;

/// <summary>tRootElement (section 8.3.1): what a definitions element contains directly.</summary>
public abstract record RootElement : BaseElement;

/// <summary>&lt;process&gt; (section 10.2): the top-level scope.</summary>
public sealed record Process : RootElement, IFlowElementContainer
{
    public string? Name { get; init; }
    public bool IsExecutable { get; init; }
    public IReadOnlyList<FlowElement> FlowElements { get; init; } = [];
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];
    public IReadOnlyList<LaneSet> LaneSets { get; init; } = [];

    /// <summary>wbpm:candidateStarterGroups / camunda:candidateStarterGroups: comma-separated group keys who may start it from the portal.</summary>
    public string? CandidateStarterGroups { get; init; }

    /// <summary>wbpm:candidateStarterUsers / camunda:candidateStarterUsers: comma-separated user names who may start it from the portal.</summary>
    public string? CandidateStarterUsers { get; init; }

    /// <summary>wbpm:withdrawable: false = requesters can never withdraw (cancel) an instance they started.</summary>
    public bool Withdrawable { get; init; } = true;
}

public sealed record Message : RootElement
{
    public string? Name { get; init; }
}

public sealed record Signal : RootElement
{
    public string? Name { get; init; }
}

public sealed record BpmnError : RootElement
{
    public string? Name { get; init; }
    public string? ErrorCode { get; init; }
}

public sealed record Escalation : RootElement
{
    public string? Name { get; init; }
    public string? EscalationCode { get; init; }
}

public sealed record DataStore : RootElement
{
    public string? Name { get; init; }
}

/// <summary>&lt;collaboration&gt; (section 9): pools (participants) and message flows between them.</summary>
public sealed record Collaboration : RootElement
{
    public string? Name { get; init; }
    public IReadOnlyList<Participant> Participants { get; init; } = [];
    public IReadOnlyList<MessageFlow> MessageFlows { get; init; } = [];
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];
}

/// <summary>A pool. Without ProcessRef it is a black box: descriptive only.</summary>
public sealed record Participant : BaseElement
{
    public string? Name { get; init; }
    public string? ProcessRef { get; init; }
}

public sealed record MessageFlow : BaseElement
{
    public string? Name { get; init; }
    public required string SourceRef { get; init; }
    public required string TargetRef { get; init; }
    public string? MessageRef { get; init; }
}

public sealed record LaneSet : BaseElement
{
    public string? Name { get; init; }
    public IReadOnlyList<Lane> Lanes { get; init; } = [];
}

public sealed record Lane : BaseElement
{
    public string? Name { get; init; }
    public IReadOnlyList<string> FlowNodeRefs { get; init; } = [];
    public LaneSet? ChildLaneSet { get; init; }
}
