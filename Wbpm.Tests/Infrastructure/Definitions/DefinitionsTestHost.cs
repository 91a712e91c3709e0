using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Definitions;

/// <summary>
/// The app's real service registrations (<c>AddWbpmInfrastructure</c>) over a fresh migrated database of either
/// provider, with the tenants "tenant-a" and "tenant-b". <see cref="As"/> opens a scope acting as a user with roles.
/// </summary>
public sealed class DefinitionsTestHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private DefinitionsTestHost(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        _services = services;
    }

    public static async Task<DefinitionsTestHost> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Wbpm"] = database.ConnectionString,
            ["Wbpm:Database:Provider"] = provider.ToString(),
            ["Wbpm:Deployments:MaxFileBytes"] = "200000",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddWbpmInfrastructure(configuration, Path.GetTempPath());
        var host = new DefinitionsTestHost(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        await using var db = host.OpenAllTenants();
        db.Tenants.Add(new Tenant("tenant-a", "Tenant A", DateTimeOffset.UtcNow));
        db.Tenants.Add(new Tenant("tenant-b", "Tenant B", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return host;
    }

    public DatabaseProvider Provider => _database.Provider;

    public WbpmDbContext OpenAllTenants() => _services.GetRequiredService<WbpmDbContextFactory>().Create(TenantScope.AllTenants);

    public T GetSingleton<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A scope acting as <paramref name="userId"/> of <paramref name="tenantId"/> with <paramref name="roles"/>.</summary>
    public UserScope As(string tenantId, string userId, params string[] roles)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(TestPrincipals.With(tenantId, userId, roles));
        return new UserScope(scope);
    }

    public UserScope As(ClaimsPrincipal principal)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(principal);
        return new UserScope(scope);
    }

    /// <summary>A fixture file of Fixtures/deployments as an upload.</summary>
    public static DeploymentFile Fixture(string fileName) =>
        new(fileName, new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "deployments", fileName))));

    public static DeploymentFile Upload(string fileName, string xml) => new(fileName, new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
    }
}
