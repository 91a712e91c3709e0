namespace Wbpm.Domain.Modeling;

/// <summary>Which of the subprocess elements of section 10.3.5 this is.</summary>
public enum SubProcessKind
{
    /// <summary>&lt;subProcess&gt;.</summary>
    Embedded,

    /// <summary>&lt;subProcess triggeredByEvent="true"&gt;: started by its start event while the parent scope is active.</summary>
    Event,

    /// <summary>&lt;transaction&gt;: not executed yet.</summary>
    Transaction,

    /// <summary>&lt;adHocSubProcess&gt;: not executed yet.</summary>
    AdHoc,
}

/// <summary>Process and subprocesses: scopes that own flow elements, artifacts and (processes) lanes.</summary>
public interface IFlowElementContainer
{
    string Id { get; }
    IReadOnlyList<FlowElement> FlowElements { get; }
    IReadOnlyList<Artifact> Artifacts { get; }
}

/// <summary>An embedded, event, transaction or ad-hoc subprocess: an activity that is also a scope.</summary>
public sealed record SubProcess : Activity, IFlowElementContainer
{
    public SubProcessKind Kind { get; init; } = SubProcessKind.Embedded;
    public IReadOnlyList<FlowElement> FlowElements { get; init; } = [];
    public IReadOnlyList<Artifact> Artifacts { get; init; } = [];

    /// <summary>Ad-hoc subprocess only: its completionCondition text.</summary>
    public string? CompletionCondition { get; init; }

    public bool TriggeredByEvent => Kind == SubProcessKind.Event;
}
