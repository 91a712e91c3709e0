using System.Collections.Frozen;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// A deployed process, ready to run: the immutable model, the process to execute, the deployment identity and what
/// the engine precomputes once per definition (upstream reachability for inclusive joins). Immutable and
/// thread-safe: the infrastructure caches one per definition id.
/// </summary>
public sealed class ExecutableDefinition
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _canReachJoin;

    public ExecutableDefinition(ProcessModel model, string processId, string definitionId, string key, int version, string? tenantId = null)
    {
        Model = model;
        Process = model.FindProcess(processId) ?? throw new ArgumentException($"The model has no process '{processId}'.", nameof(processId));
        DefinitionId = definitionId;
        Key = key;
        Version = version;
        TenantId = tenantId;
        _canReachJoin = model.AllNodes.OfType<InclusiveGateway>()
            .Where(g => model.Incoming(g).Count > 1)
            .ToFrozenDictionary(g => g.Id, g => UpstreamOf(model, g), StringComparer.Ordinal);
    }

    /// <summary>Convenience for tests and tools: definition id = key = process id, version 1.</summary>
    public static ExecutableDefinition FromModel(ProcessModel model, string? processId = null)
    {
        var process = processId is null ? model.Processes.First(p => p.IsExecutable) : model.FindProcess(processId)!;
        return new ExecutableDefinition(model, process.Id, process.Id, process.Id, 1);
    }

    public ProcessModel Model { get; }
    public Process Process { get; }
    public string DefinitionId { get; }
    public string Key { get; }
    public int Version { get; }
    public string? TenantId { get; }

    /// <summary>The top-level none start event a person starts the process at (null when there is none).</summary>
    public StartEvent? NoneStartEvent => Model.StartEventsOf(Process).FirstOrDefault(s => s.Trigger == EventTrigger.None);

    /// <summary>
    /// Start events of the process with a trigger (timer, message, signal): the infrastructure schedules timers and
    /// opens start subscriptions for them when the definition is deployed, then starts with <c>StartInstance(StartEventId)</c>.
    /// </summary>
    public IEnumerable<StartEvent> TriggeredStartEvents =>
        Model.StartEventsOf(Process).Where(s => s.Trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal);

    /// <summary>
    /// True when a token at <paramref name="nodeId"/> (same scope) can still arrive at the inclusive join
    /// (BPMN 2.0 section 13.3.5: the join waits while an upstream token may still reach one of its incoming flows).
    /// </summary>
    public bool CanReach(string nodeId, string inclusiveJoinId) =>
        _canReachJoin.TryGetValue(inclusiveJoinId, out var upstream) && upstream.Contains(nodeId);

    private static FrozenSet<string> UpstreamOf(ProcessModel model, InclusiveGateway join)
    {
        // Walk backwards over sequence flows; a boundary event is reachable from its activity.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(join.Id);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            var node = model.FindNode(id);
            if (node is null) continue;
            var sources = model.Incoming(id).Select(f => f.SourceRef).ToList();
            if (node is BoundaryEvent boundary) sources.Add(boundary.AttachedToRef);
            foreach (var source in sources)
                if (seen.Add(source)) stack.Push(source);
        }
        return seen.ToFrozenSet(StringComparer.Ordinal);
    }
}
