using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>
/// A variable and token scope: the process, an embedded subprocess, an event subprocess, a multi-instance body or
/// one multi-instance inner instance. A subprocess or multi-instance body belongs to the token waiting at its
/// activity (<see cref="ParentTokenId"/>); an event subprocess belongs to its parent scope only.
/// </summary>
public sealed class ExecutionScope
{
    public required string Id { get; set; }
    public string? ParentScopeId { get; set; }

    /// <summary>Process id, subprocess id, or the multi-instance activity id.</summary>
    public required string ElementId { get; set; }

    public ScopeKind Kind { get; set; }

    /// <summary>The token at the activity that owns this scope (subprocess, multi-instance body); null otherwise.</summary>
    public string? ParentTokenId { get; set; }

    public Dictionary<string, JsonElement> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bookkeeping of a multi-instance body.</summary>
    public MultiInstanceState? MultiInstance { get; set; }

    /// <summary>Index of a multi-instance inner instance (0-based).</summary>
    public int? LoopIndex { get; set; }

    public ExecutionScope Clone() => new()
    {
        Id = Id, ParentScopeId = ParentScopeId, ElementId = ElementId, Kind = Kind, ParentTokenId = ParentTokenId,
        Variables = new Dictionary<string, JsonElement>(Variables, StringComparer.Ordinal),
        MultiInstance = MultiInstance?.Clone(), LoopIndex = LoopIndex,
    };
}

public enum ScopeKind { Process, SubProcess, EventSubProcess, MultiInstanceBody, MultiInstanceInner }

/// <summary>Multi-instance body bookkeeping (BPMN 2.0 section 10.3.8).</summary>
public sealed class MultiInstanceState
{
    /// <summary>The items to iterate (null entries for loopCardinality).</summary>
    public List<JsonElement> Items { get; set; } = [];
    public int NextIndex { get; set; }
    public int Completed { get; set; }

    /// <summary>Collected output elements by instance index (the output collection keeps input order).</summary>
    public Dictionary<int, JsonElement> Outputs { get; set; } = [];

    public MultiInstanceState Clone() => new()
    {
        Items = [.. Items], NextIndex = NextIndex, Completed = Completed, Outputs = new Dictionary<int, JsonElement>(Outputs),
    };
}
