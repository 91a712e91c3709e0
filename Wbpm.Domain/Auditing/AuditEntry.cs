namespace Wbpm.Domain.Auditing;

/// <summary>
/// One change made by a person or an API key: who, what, when, and the state before and after (JSON).
/// Append-only: nothing updates or deletes audit entries.
/// </summary>
public sealed class AuditEntry : Tenancy.ITenantOwned
{
    private AuditEntry() { TenantId = ActorId = ActorName = Action = EntityType = EntityId = ""; }

    public AuditEntry(string tenantId, DateTimeOffset at, string actorId, string actorName, string action,
        string entityType, string entityId, string? before, string? after)
    {
        TenantId = tenantId;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; }
    public string ActorName { get; private set; }

    /// <summary>A verb phrase such as "user.created" or "group.member-added".</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
}
