using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Everything the engine needs to continue one process instance, as a plain System.Text.Json-serialisable graph
/// (see <see cref="ProcessInstanceStateJson"/>). The infrastructure stores it as one JSON column next to the indexed
/// columns and an app-managed revision; the engine never mutates the instance it is given (it works on a clone).
/// </summary>
public sealed class ProcessInstanceState
{
    public required string InstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string ProcessId { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; } = InstanceStatus.Active;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? StartedBy { get; set; }

    /// <summary>Set when a call activity started this instance: where to report its end (ChildInstanceEnded).</summary>
    public ParentCall? Parent { get; set; }

    /// <summary>Id of the root (process) scope: variables set without a closer scope land here.</summary>
    public required string RootScopeId { get; set; }

    public List<Token> Tokens { get; set; } = [];
    public List<ExecutionScope> Scopes { get; set; } = [];

    /// <summary>Open wait states: user tasks, external tasks, jobs, subscriptions, child instances.</summary>
    public List<WaitState> Waits { get; set; } = [];

    /// <summary>Open incidents (a token stuck at an element until resolved).</summary>
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Counter for instance-local ids (tokens, scopes, activity instances): short and deterministic.</summary>
    public long LastLocalId { get; set; }

    [JsonIgnore]
    public bool HasIncident => Incidents.Count > 0;

    public ProcessInstanceState Clone() => new()
    {
        InstanceId = InstanceId, DefinitionId = DefinitionId, ProcessId = ProcessId, BusinessKey = BusinessKey,
        Status = Status, StartedAt = StartedAt, EndedAt = EndedAt, StartedBy = StartedBy, Parent = Parent,
        RootScopeId = RootScopeId, LastLocalId = LastLocalId,
        Tokens = Tokens.Select(t => t.Clone()).ToList(),
        Scopes = Scopes.Select(s => s.Clone()).ToList(),
        Waits = Waits.Select(w => w with { }).ToList(),
        Incidents = Incidents.Select(i => i with { }).ToList(),
    };

    /// <summary>Variables of the root scope (the process variables).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> ProcessVariables =>
        Scopes.First(s => s.Id == RootScopeId).Variables;

    /// <summary>Element ids where tokens are, with how many tokens sit there (for "active elements").</summary>
    public IReadOnlyList<ActiveElement> ActiveElements() =>
        Tokens.GroupBy(t => t.ElementId).Select(g => new ActiveElement(g.Key, g.Count())).ToList();

    /// <summary>
    /// The variables a token sees (its activity locals, its scope, the enclosing scopes; inner names win): what a task
    /// form or an external task worker gets. Null when there is no such token.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? VariablesVisibleAt(string tokenId)
    {
        var token = Tokens.Find(t => t.Id == tokenId);
        return token is null ? null : new InstanceVariables(this).At(token).Flatten();
    }
}

public enum InstanceStatus { Active, Completed, Terminated, Cancelled }

/// <summary>The call activity waiting for this instance: parent instance id and the call id of its wait state.</summary>
public sealed record ParentCall(string InstanceId, string CallId);

/// <summary>An element with tokens, for "active elements" lists.</summary>
public sealed record ActiveElement(string ElementId, int Count);

public sealed record Incident(string Id, string TokenId, string ElementId, string Message, DateTimeOffset At);
