using Wbpm.Domain.Engine;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// One process instance: indexed columns for queries plus the engine's state as JSON. <see cref="Revision"/> is the
/// concurrency token the app increments on every command, so of two commands racing on one instance exactly one
/// commits (SQLite has no rowversion).
/// </summary>
public sealed class ProcessInstance : ITenantOwned
{
    private ProcessInstance() { Id = TenantId = DefinitionId = DefinitionKey = StateJson = ""; }

    public ProcessInstance(ExecutableDefinition definition, string tenantId, ProcessInstanceState state)
    {
        Id = state.InstanceId;
        TenantId = tenantId;
        DefinitionId = definition.DefinitionId;
        DefinitionKey = definition.Key;
        DefinitionVersion = definition.Version;
        StateJson = "";
        Apply(state);
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string DefinitionId { get; private set; }
    public string DefinitionKey { get; private set; }
    public int DefinitionVersion { get; private set; }
    public string? BusinessKey { get; private set; }
    public InstanceStatus Status { get; private set; }
    public bool HasIncident { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public string? StartedBy { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? ParentInstanceId { get; private set; }
    public string? ParentCallId { get; private set; }
    public string StateJson { get; private set; }
    public int Revision { get; private set; }

    public ProcessInstanceState State() => ProcessInstanceStateJson.Deserialize(StateJson);

    /// <summary>Stores the engine's new state and copies the indexed columns from it; the revision moves on.</summary>
    public void Apply(ProcessInstanceState state)
    {
        BusinessKey = state.BusinessKey;
        Status = state.Status;
        HasIncident = state.HasIncident;
        StartedAt = state.StartedAt;
        StartedBy = state.StartedBy;
        EndedAt = state.EndedAt;
        ParentInstanceId = state.Parent?.InstanceId;
        ParentCallId = state.Parent?.CallId;
        StateJson = ProcessInstanceStateJson.Serialize(state);
        Revision++;
    }

    /// <summary>
    /// A job or external task incident was raised or resolved: the instance shows it although its state does not know
    /// it (see <see cref="InstanceIncidentFlag"/>). A change moves the revision, so a command that read the old flag
    /// conflicts and runs again instead of writing the old value back.
    /// </summary>
    public void SetHasIncident(bool hasIncident)
    {
        if (HasIncident == hasIncident)
            return;
        HasIncident = hasIncident;
        Revision++;
    }
}
