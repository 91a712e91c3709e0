using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>
/// A token (BPMN 2.0 section 13.2): the thing that sits at one flow node inside one scope. An activity that waits
/// (user task, subprocess, multi-instance body, call activity ...) keeps its token at the activity until it completes.
/// </summary>
public sealed class Token
{
    public required string Id { get; set; }
    public required string ElementId { get; set; }
    public required string ScopeId { get; set; }
    public TokenState State { get; set; } = TokenState.Ready;

    /// <summary>The sequence flow the token arrived by (joins count arrivals per incoming flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Identifies this visit of the element in history (started/completed pairs).</summary>
    public string? ActivityInstanceId { get; set; }

    /// <summary>Activity-local variables: input mappings, and completion variables when output mappings exist.</summary>
    public Dictionary<string, JsonElement> Locals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What to redo when an incident on this token is resolved.</summary>
    public TokenStep? IncidentStep { get; set; }

    public Token Clone() => new()
    {
        Id = Id, ElementId = ElementId, ScopeId = ScopeId, State = State, ArrivedVia = ArrivedVia,
        ActivityInstanceId = ActivityInstanceId, IncidentStep = IncidentStep,
        Locals = new Dictionary<string, JsonElement>(Locals, StringComparer.Ordinal),
    };
}

public enum TokenState
{
    /// <summary>On the agenda (only seen inside one engine call).</summary>
    Ready,

    /// <summary>Waiting for a command: task, job, message, signal, timer, child instance, inner scope.</summary>
    Waiting,

    /// <summary>Parked at a converging parallel or inclusive gateway until the join fires.</summary>
    Joining,

    /// <summary>Stopped by an incident; a ResolveIncident command repeats the failed step.</summary>
    Incident,
}

/// <summary>The agenda steps a token goes through at a node.</summary>
public enum TokenStep { Enter, Execute, Complete, Leave }
