namespace Wbpm.Domain.Modeling;

/// <summary>Walks the definitions once and builds the lookups <see cref="ProcessModel"/> serves.</summary>
internal sealed class ProcessModelIndexBuilder
{
    private readonly Dictionary<string, List<SequenceFlow>> _incoming = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SequenceFlow>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoundaryEvent>> _boundaries = new(StringComparer.Ordinal);
    private readonly List<(FlowNode Node, IFlowElementContainer Scope, Process Process)> _nodes = [];

    public ProcessModelIndexBuilder(BpmnDefinitions definitions)
    {
        foreach (var root in definitions.RootElements)
        {
            Add(root);
            switch (root)
            {
                case Process process:
                    foreach (var laneSet in process.LaneSets)
                        AddLaneSet(laneSet);
                    AddScope(process, process);
                    break;
                case Collaboration collaboration:
                    foreach (var p in collaboration.Participants) Add(p);
                    foreach (var f in collaboration.MessageFlows) Add(f);
                    foreach (var a in collaboration.Artifacts) Add(a);
                    break;
            }
        }

        foreach (var (node, scope, process) in _nodes)
        {
            Links[node.Id] = new NodeLinks(
                node, scope, process,
                ListOrEmpty(_incoming, node.Id),
                ListOrEmpty(_outgoing, node.Id),
                ListOrEmpty(_boundaries, node.Id));
        }
    }

    public Dictionary<string, BaseElement> ElementsById { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, NodeLinks> Links { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ScopeLinks> Scopes { get; } = new(StringComparer.Ordinal);

    private void AddScope(IFlowElementContainer scope, Process process)
    {
        var starts = new List<StartEvent>();
        var eventSubProcesses = new List<SubProcess>();
        foreach (var element in scope.FlowElements)
        {
            Add(element);
            switch (element)
            {
                case SequenceFlow flow:
                    Append(_outgoing, ModelIds.Local(flow.SourceRef), flow);
                    Append(_incoming, ModelIds.Local(flow.TargetRef), flow);
                    break;
                case FlowNode node:
                    _nodes.Add((node, scope, process));
                    if (node is StartEvent start) starts.Add(start);
                    if (node is BoundaryEvent boundary) Append(_boundaries, ModelIds.Local(boundary.AttachedToRef), boundary);
                    if (node is SubProcess sub)
                    {
                        if (sub.TriggeredByEvent) eventSubProcesses.Add(sub);
                        AddScope(sub, process);
                    }
                    break;
            }
        }
        foreach (var artifact in scope.Artifacts)
            Add(artifact);
        Scopes[scope.Id] = new ScopeLinks(starts, eventSubProcesses);
    }

    private void AddLaneSet(LaneSet laneSet)
    {
        Add(laneSet);
        foreach (var lane in laneSet.Lanes)
        {
            Add(lane);
            if (lane.ChildLaneSet is not null) AddLaneSet(lane.ChildLaneSet);
        }
    }

    private void Add(BaseElement element)
    {
        // The reader reports duplicate ids with their positions; a model built in code with duplicates is a bug.
        if (!ElementsById.TryAdd(element.Id, element))
            throw new InvalidOperationException($"Two elements share the id '{element.Id}'; ids must be unique in a BPMN document.");
    }

    private static void Append<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private static IReadOnlyList<T> ListOrEmpty<T>(Dictionary<string, List<T>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : [];
}
