namespace Wbpm.Domain.Modeling;

/// <summary>
/// tFlowNode (section 10.1): an activity, event or gateway. Graph links (incoming and outgoing flows, parent
/// scope, boundary events) are not stored on the record: <see cref="ProcessModel"/> computes them once, so a
/// record changed with <c>with</c> can never carry stale links.
/// </summary>
public abstract record FlowNode : FlowElement
{
    /// <summary>wbpm:asyncBefore / camunda:asyncBefore: commit and continue in a job before the node.</summary>
    public bool AsyncBefore { get; init; }

    /// <summary>wbpm:asyncAfter / camunda:asyncAfter.</summary>
    public bool AsyncAfter { get; init; }

    /// <summary>wbpm:inputOutput / camunda:inputOutput input parameters, in document order.</summary>
    public IReadOnlyList<IoParameter> InputParameters { get; init; } = [];

    /// <summary>wbpm:inputOutput / camunda:inputOutput output parameters, in document order.</summary>
    public IReadOnlyList<IoParameter> OutputParameters { get; init; } = [];

    /// <summary>wbpm:withdrawable: false = the requester cannot withdraw the instance while a token is at this node.</summary>
    public bool Withdrawable { get; init; } = true;
}

/// <summary>Elements that may name one outgoing flow taken when no condition holds (sections 10.2, 10.6).</summary>
public interface IHasDefaultFlow
{
    string Id { get; }
    string? DefaultFlowId { get; }
}

/// <summary>tSequenceFlow (section 8.3.13).</summary>
public sealed record SequenceFlow : FlowElement
{
    public required string SourceRef { get; init; }
    public required string TargetRef { get; init; }

    /// <summary>Text of conditionExpression: FEEL (optionally prefixed with '='), or JUEL '${...}' which we reject.</summary>
    public string? ConditionExpression { get; init; }
}

/// <summary>
/// A flow element in the BPMN namespace we have no type for (e.g. choreography content). Kept so it is written
/// back and listed as not executable, never silently dropped.
/// </summary>
public sealed record UnknownFlowElement : FlowElement
{
    public required string ElementName { get; init; }
}
