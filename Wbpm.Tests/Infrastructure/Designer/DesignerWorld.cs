using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Designer;

/// <summary>
/// A real SQLite database with two tenants and users of each role, and <see cref="ProcessDraftService"/>s acting as
/// any of them, on one hand-moved clock.
/// </summary>
public sealed class DesignerWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private DesignerWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new(Start);

    public static async Task<DesignerWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var world = new DesignerWorld(await TestDatabases.CreateAsync(provider));
        await using var db = world.Database.Factory.Create(TenantScope.AllTenants);
        foreach (var tenant in new[] { "acme", "globex" })
        {
            db.Tenants.Add(new Tenant(tenant, tenant, Start));
            foreach (var (user, name) in new[] { ("dora", "Dora Designer"), ("dan", "Dan Designer"), ("vic", "Vic Viewer"), ("ursula", "Ursula User") })
                db.Users.Add(new WbpmUser
                {
                    Id = $"{tenant}-{user}", TenantId = tenant, UserName = $"{tenant}-{user}", NormalizedUserName = $"{tenant}-{user}".ToUpperInvariant(),
                    DisplayName = name, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = Start,
                });
        }
        await db.SaveChangesAsync();
        return world;
    }

    /// <summary>The draft service as <paramref name="user"/> of <paramref name="tenant"/> with <paramref name="role"/>.</summary>
    public ProcessDraftService Drafts(string user = "dora", string role = Role.Designer, string tenant = "acme")
    {
        var current = CurrentUser(user, role, tenant);
        return new ProcessDraftService(new TenantDbContextFactory(Database.Factory, current), current, new AuditTrail(current, Clock), Clock);
    }

    public static ClaimsCurrentUser CurrentUser(string user = "dora", string role = Role.Designer, string tenant = "acme")
    {
        var current = new ClaimsCurrentUser();
        current.Set(TestPrincipals.With(tenant, $"{tenant}-{user}", role));
        return current;
    }

    public WbpmDbContext AllTenants() => Database.Factory.Create(TenantScope.AllTenants);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
