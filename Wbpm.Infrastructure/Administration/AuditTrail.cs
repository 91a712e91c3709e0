using System.Text.Json;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

/// <summary>
/// Adds an audit entry to the same context as the change it describes, so both commit in one SaveChanges:
/// there is never a change without its audit entry, nor an entry for a change that rolled back.
/// </summary>
public sealed class AuditTrail(ICurrentUser currentUser, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(WbpmDbContext db, string action, string entityType, string entityId, object? before, object? after) =>
        Record(db, currentUser.TenantId ?? throw new ForbiddenException(Permission.AdminSystem), action, entityType, entityId, before, after);

    public void Record(WbpmDbContext db, string tenantId, string action, string entityType, string entityId, object? before, object? after)
    {
        db.AuditEntries.Add(new AuditEntry(
            tenantId,
            clock.GetUtcNow(),
            currentUser.UserId ?? "system",
            currentUser.UserName ?? "system",
            action,
            entityType,
            entityId,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json)));
    }
}
