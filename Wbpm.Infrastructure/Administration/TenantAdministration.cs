using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

public sealed record TenantSummary(string Id, string Name, DateTimeOffset CreatedAt, int UserCount, bool IsCurrent);

public sealed record NewTenant(string Name, string AdminUserName, string AdminDisplayName, string? AdminEmail, string AdminPassword);

/// <summary>
/// Tenants (admin.system). An admin works within their own tenant: creating a tenant also creates its first admin,
/// who then manages that tenant's users. Tenants themselves are not tenant-owned rows, so this is the one service
/// that reads across tenants, and only tenant names and user counts.
/// </summary>
public sealed class TenantAdministration(
    WbpmDbContextFactory contexts,
    ICurrentUser currentUser,
    AuditTrail audit,
    TenantProvisioning provisioning,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create(TenantScope.AllTenants);
        var counts = await db.Users.GroupBy(u => u.TenantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return tenants.Select(t => new TenantSummary(t.Id, t.Name, t.CreatedAt, counts.GetValueOrDefault(t.Id), t.Id == currentUser.TenantId)).ToList();
    }

    /// <summary>An admin renames their own tenant only; another tenant's id is "not found".</summary>
    public async Task RenameAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        if (tenantId != currentUser.TenantId)
            throw new NotFoundException("Tenant", tenantId);
        await using var db = contexts.Create(TenantScope.AllTenants);
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant", tenantId);
        var before = new { tenant.Name };
        tenant.Rename(name);
        if (await db.Tenants.AnyAsync(t => t.Name == tenant.Name && t.Id != tenant.Id, cancellationToken))
            throw ValidationException.For("Name", $"A tenant named '{tenant.Name}' already exists.");
        audit.Record(db, "tenant.renamed", "Tenant", tenant.Id, before, new { tenant.Name });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string> CreateAsync(NewTenant input, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create(TenantScope.AllTenants);
        var tenant = new Tenant(TenantProvisioning.NewTenantId(input.Name), input.Name, clock.GetUtcNow());
        if (await db.Tenants.AnyAsync(t => t.Name == tenant.Name, cancellationToken))
            throw ValidationException.For("Name", $"A tenant named '{tenant.Name}' already exists.");
        db.Tenants.Add(tenant);
        await provisioning.AddAdminAsync(db, tenant.Id, input.AdminUserName, input.AdminDisplayName, input.AdminEmail, input.AdminPassword, cancellationToken);
        audit.Record(db, "tenant.created", "Tenant", tenant.Id, null, new { tenant.Name, Admin = input.AdminUserName });
        await db.SaveChangesAsync(cancellationToken);
        return tenant.Id;
    }
}
