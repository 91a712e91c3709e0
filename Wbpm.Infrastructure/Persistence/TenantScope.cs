namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// Which tenant's rows a <see cref="WbpmDbContext"/> sees. <see cref="None"/> sees nothing: a missing tenant is
/// never "no filter". Only sign-in, start-up seeding and background workers use <see cref="AllTenants"/>.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(string? tenantId, bool allTenants)
    {
        TenantId = tenantId;
        IsAllTenants = allTenants;
    }

    public string? TenantId { get; }
    public bool IsAllTenants { get; }

    public static TenantScope None { get; } = new(null, false);
    public static TenantScope AllTenants { get; } = new(null, true);

    public static TenantScope For(string? tenantId) =>
        string.IsNullOrEmpty(tenantId) ? None : new TenantScope(tenantId, false);
}
