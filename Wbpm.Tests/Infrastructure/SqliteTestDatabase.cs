using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Seeding;

namespace Wbpm.Tests.Infrastructure;

/// <summary>A tenant the fixture seeded, with its first admin.</summary>
public sealed record SeededTenant(string Id, string Name, string AdminId, string AdminUserName);

/// <summary>
/// A real, migrated SQLite database in a temp file with the app's own service registrations
/// (<c>AddWbpmInfrastructure</c>), seeded with two tenants ("Tenant A" and "Tenant B") that have an admin each.
/// <see cref="As"/> opens a scope whose current user is a given user, exactly as a signed-in request would be, so
/// permission checks and tenant filters are the production ones. One instance per test; dispose it to delete the file.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    /// <summary>The password of every user the fixture creates (it satisfies the app's password policy).</summary>
    public const string Password = "Test-Passw0rd";

    private readonly string _directory;
    private readonly ServiceProvider _services;

    private SqliteTestDatabase(string directory, ServiceProvider services)
    {
        _directory = directory;
        _services = services;
    }

    public SeededTenant TenantA { get; private set; } = default!;
    public SeededTenant TenantB { get; private set; } = default!;

    public WbpmDbContextFactory Contexts => _services.GetRequiredService<WbpmDbContextFactory>();

    public static async Task<SqliteTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "wbpm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Wbpm"] = $"Data Source={Path.Combine(directory, "wbpm.db")}",
            ["Wbpm:Database:Provider"] = "Sqlite",
            ["Wbpm:Database:MigrateOnStartup"] = "true",
            ["Wbpm:Demo:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection(); // Identity's token providers need it to construct UserManager
        services.AddWbpmInfrastructure(configuration, directory);
        var database = new SqliteTestDatabase(directory, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));

        // The same start-up step as the app: migrations and the built-in roles (no users: demo and bootstrap are off).
        foreach (var initializer in database._services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
            await initializer.StartAsync(cancellationToken);
        database.TenantA = await database.AddTenantAsync("Tenant A", "admin-a", cancellationToken);
        database.TenantB = await database.AddTenantAsync("Tenant B", "admin-b", cancellationToken);
        return database;
    }

    /// <summary>A tenant with its first admin, created the way tenant provisioning does it (no audit entry).</summary>
    public async Task<SeededTenant> AddTenantAsync(string name, string adminUserName, CancellationToken cancellationToken = default)
    {
        await using var scope = _services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        await using var db = Contexts.Create(TenantScope.AllTenants);
        var tenant = new Wbpm.Domain.Tenancy.Tenant(TenantProvisioning.NewTenantId(name), name, DateTimeOffset.UtcNow);
        db.Tenants.Add(tenant);
        var admin = await provisioning.AddAdminAsync(db, tenant.Id, adminUserName, $"Admin of {name}", null, Password, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SeededTenant(tenant.Id, name, admin.Id, adminUserName);
    }

    /// <summary>Adds a user with <paramref name="roles"/> to <paramref name="tenant"/> directly (no audit entry); returns the id.</summary>
    public async Task<string> AddUserAsync(SeededTenant tenant, string userName, params string[] roles)
    {
        await using var scope = _services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        await using var db = Contexts.Create(TenantScope.AllTenants);
        var user = await provisioning.AddUserAsync(db, tenant.Id, userName, userName, null, Password, roles, CancellationToken.None);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Adds a business group to <paramref name="tenant"/> directly; returns the id.</summary>
    public async Task<string> AddGroupAsync(SeededTenant tenant, string key, string name)
    {
        await using var db = Contexts.Create(TenantScope.AllTenants);
        var group = TenantProvisioning.AddGroup(db, tenant.Id, key, name, "");
        await db.SaveChangesAsync();
        return group.Id;
    }

    /// <summary>A scope acting as the stored user <paramref name="userName"/>, with the claims sign-in would give them.</summary>
    public async Task<UserScope> AsAsync(string userName)
    {
        await using var db = Contexts.Create(TenantScope.AllTenants);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == user.Id select r.Name!).ToListAsync();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName!),
            new(WbpmClaimTypes.TenantId, user.TenantId),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return As(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")));
    }

    /// <summary>A scope acting as <paramref name="principal"/> (use an unauthenticated principal for "nobody").</summary>
    public UserScope As(ClaimsPrincipal principal)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(principal);
        return new UserScope(scope);
    }

    public UserScope Anonymous() => As(new ClaimsPrincipal(new ClaimsIdentity()));

    /// <summary>A context that sees every tenant, for arranging and asserting.</summary>
    public WbpmDbContext OpenAllTenants() => Contexts.Create(TenantScope.AllTenants);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide the real result.
        }
    }
}

/// <summary>Services resolved as one user (one request or circuit). Dispose to end the scope.</summary>
public sealed class UserScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ICurrentUser CurrentUser => Get<ICurrentUser>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
