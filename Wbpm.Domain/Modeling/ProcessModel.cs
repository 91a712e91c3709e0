using System.Collections.Frozen;

namespace Wbpm.Domain.Modeling;

/// <summary>
/// A read BPMN document, indexed once for the engine: O(1) lookups by id and precomputed graph links (incoming
/// and outgoing flows, parent scope, boundary events, start events and event subprocesses per scope).
/// Immutable: change a record with <c>with</c> and call <see cref="Replace"/> to get a new model.
/// </summary>
public sealed class ProcessModel
{
    private readonly FrozenDictionary<string, BaseElement> _elementsById;
    private readonly FrozenDictionary<string, NodeLinks> _links;
    private readonly FrozenDictionary<string, ScopeLinks> _scopes;

    public ProcessModel(BpmnDefinitions definitions)
    {
        Definitions = definitions;
        var index = new ProcessModelIndexBuilder(definitions);
        _elementsById = index.ElementsById.ToFrozenDictionary(StringComparer.Ordinal);
        _links = index.Links.ToFrozenDictionary(StringComparer.Ordinal);
        _scopes = index.Scopes.ToFrozenDictionary(StringComparer.Ordinal);
        Processes = definitions.RootElements.OfType<Process>().ToArray();
        Collaborations = definitions.RootElements.OfType<Collaboration>().ToArray();
    }

    public BpmnDefinitions Definitions { get; }
    public IReadOnlyList<Process> Processes { get; }
    public IReadOnlyList<Collaboration> Collaborations { get; }
    public IEnumerable<Message> Messages => Definitions.RootElements.OfType<Message>();
    public IEnumerable<Signal> Signals => Definitions.RootElements.OfType<Signal>();
    public IEnumerable<BpmnError> Errors => Definitions.RootElements.OfType<BpmnError>();
    public IEnumerable<Escalation> Escalations => Definitions.RootElements.OfType<Escalation>();

    /// <summary>Every typed element with an id: root elements, flow elements, artifacts, participants, lanes, ...</summary>
    public IEnumerable<BaseElement> AllElements => _elementsById.Values;

    /// <summary>Every flow node in every process and subprocess.</summary>
    public IEnumerable<FlowNode> AllNodes => _links.Values.Select(l => l.Node);

    public IEnumerable<SequenceFlow> AllSequenceFlows => _elementsById.Values.OfType<SequenceFlow>();

    /// <summary>Flow nodes plus the processes and subprocesses: the ids in scope of validation and the engine.</summary>
    public int NodeCount => _links.Count;

    public BaseElement? Find(string id) => _elementsById.GetValueOrDefault(id);
    public FlowNode? FindNode(string id) => _links.TryGetValue(id, out var l) ? l.Node : null;
    public SequenceFlow? FindFlow(string id) => Find(id) as SequenceFlow;
    public Process? FindProcess(string id) => Find(id) as Process;

    /// <summary>The node with this id, of the expected kind; throws when missing (a bug in the caller).</summary>
    public T GetNode<T>(string id) where T : FlowNode =>
        FindNode(id) as T ?? throw new KeyNotFoundException($"No {typeof(T).Name} with id '{id}' in the model.");

    public IReadOnlyList<SequenceFlow> Incoming(string nodeId) => Links(nodeId).Incoming;
    public IReadOnlyList<SequenceFlow> Outgoing(string nodeId) => Links(nodeId).Outgoing;
    public IReadOnlyList<SequenceFlow> Incoming(FlowNode node) => Incoming(node.Id);
    public IReadOnlyList<SequenceFlow> Outgoing(FlowNode node) => Outgoing(node.Id);

    /// <summary>The process or subprocess that directly contains the node.</summary>
    public IFlowElementContainer ScopeOf(FlowNode node) => Links(node.Id).Scope;

    /// <summary>The process the node belongs to, however deeply nested.</summary>
    public Process ProcessOf(FlowNode node) => Links(node.Id).Process;

    /// <summary>Boundary events attached to the activity, in document order.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(Activity activity) => Links(activity.Id).BoundaryEvents;

    /// <summary>The activity a boundary event is attached to; null when attachedToRef names no activity.</summary>
    public Activity? AttachedTo(BoundaryEvent boundary) => FindNode(boundary.AttachedToRef) as Activity;

    /// <summary>The start events of the scope itself (event subprocesses have their own).</summary>
    public IReadOnlyList<StartEvent> StartEventsOf(IFlowElementContainer scope) => Scope(scope).StartEvents;

    /// <summary>Event subprocesses directly inside the scope: they can start while the scope is active.</summary>
    public IReadOnlyList<SubProcess> EventSubProcessesOf(IFlowElementContainer scope) => Scope(scope).EventSubProcesses;

    /// <summary>Returns a new model with the element of the same id replaced (e.g. <c>task with { Assignee = "x" }</c>).</summary>
    public ProcessModel Replace(BaseElement updated)
    {
        if (Find(updated.Id) is null)
            throw new KeyNotFoundException($"No element with id '{updated.Id}' in the model.");
        return new ProcessModel(ElementReplacer.Replace(Definitions, updated));
    }

    private NodeLinks Links(string nodeId) =>
        _links.TryGetValue(nodeId, out var links)
            ? links
            : throw new KeyNotFoundException($"No flow node with id '{nodeId}' in the model.");

    private ScopeLinks Scope(IFlowElementContainer scope) =>
        _scopes.TryGetValue(scope.Id, out var links)
            ? links
            : throw new KeyNotFoundException($"No process or subprocess with id '{scope.Id}' in the model.");
}

/// <summary>Precomputed links of one flow node.</summary>
internal sealed record NodeLinks(
    FlowNode Node,
    IFlowElementContainer Scope,
    Process Process,
    IReadOnlyList<SequenceFlow> Incoming,
    IReadOnlyList<SequenceFlow> Outgoing,
    IReadOnlyList<BoundaryEvent> BoundaryEvents);

/// <summary>Precomputed contents of one scope.</summary>
internal sealed record ScopeLinks(IReadOnlyList<StartEvent> StartEvents, IReadOnlyList<SubProcess> EventSubProcesses);
