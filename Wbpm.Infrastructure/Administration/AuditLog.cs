using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

public sealed record AuditQuery(
    string? Search = null,
    string? Action = null,
    string? Actor = null,
    string? EntityType = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 50);

/// <summary>Browsing the tenant's audit entries, newest first (admin.system).</summary>
public sealed class AuditLog(TenantDbContextFactory contexts, ICurrentUser currentUser)
{
    public async Task<PagedResult<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
            entries = entries.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.Actor))
            entries = entries.Where(e => e.ActorName == query.Actor);
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            entries = entries.Where(e => e.EntityType == query.EntityType);
        if (query.From is { } from)
            entries = entries.Where(e => e.At >= from);
        if (query.To is { } to)
            entries = entries.Where(e => e.At <= to);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            entries = entries.Where(e => e.EntityId.Contains(term) || e.ActorName.Contains(term)
                || (e.Before != null && e.Before.Contains(term)) || (e.After != null && e.After.Contains(term)));
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(page, total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        return await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}
