using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Seeding;

/// <summary>
/// What an empty database gets: the demo tenant "Acme" with a user per role and group and the Leave request process
/// (<see cref="DemoProcesses"/>), or one admin.
/// </summary>
public sealed class FirstRunSeeder(WbpmDbContextFactory contexts, TenantProvisioning provisioning, DemoProcesses demoProcesses, TimeProvider clock)
{
    public const string DemoTenantName = "Acme";

    /// <summary>The demo users: user name, display name, roles, group keys.</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string[] Roles, string[] Groups)> DemoUsers { get; } =
    [
        ("admin", "Ada Admin", [Role.Admin], []),
        ("designer", "Dana Designer", [Role.Designer], []),
        ("operator", "Oscar Operator", [Role.Operator], []),
        ("viewer", "Vera Viewer", [Role.Viewer], []),
        ("alice", "Alice Employee", [Role.User], ["employees"]),
        ("bob", "Bob Manager", [Role.User], ["employees", "managers"]),
        ("carol", "Carol HR", [Role.User], ["employees", "hr"]),
    ];

    public async Task SeedDemoAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Password))
            throw new InvalidOperationException("Wbpm:Demo:Enabled is true but Wbpm:Demo:Password is not set.");
        await using var db = contexts.Create(TenantScope.AllTenants);
        var tenant = new Tenant("acme", DemoTenantName, clock.GetUtcNow());
        db.Tenants.Add(tenant);
        var groups = new Dictionary<string, Group>
        {
            ["employees"] = TenantProvisioning.AddGroup(db, tenant.Id, "employees", "Employees", "Everyone in the company"),
            ["managers"] = TenantProvisioning.AddGroup(db, tenant.Id, "managers", "Managers", "Team leads who approve requests"),
            ["hr"] = TenantProvisioning.AddGroup(db, tenant.Id, "hr", "HR", "Human resources"),
        };
        Identity.WbpmUser? admin = null;
        foreach (var (userName, displayName, roles, groupKeys) in DemoUsers)
        {
            var user = await provisioning.AddUserAsync(db, tenant.Id, userName, displayName, $"{userName}@acme.example",
                options.Password, roles, cancellationToken);
            admin ??= roles.Contains(Role.Admin) ? user : null;
            foreach (var key in groupKeys)
                groups[key].AddMember(user.Id);
        }
        await demoProcesses.StageAsync(db, tenant.Id, admin!, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedBootstrapAdminAsync(BootstrapOptions options, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(TenantScope.AllTenants);
        var tenant = new Tenant(TenantProvisioning.NewTenantId(options.TenantName), options.TenantName, clock.GetUtcNow());
        db.Tenants.Add(tenant);
        var email = options.AdminEmail!.Trim();
        await provisioning.AddAdminAsync(db, tenant.Id, email, "Administrator", email, options.AdminPassword!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
