using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Observability;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Runtime;

/// <summary>
/// One app node as <c>AddWbpmInfrastructure</c> wires it (services, engine, job handlers, executor) on a test
/// database of either provider, with tenants "tenant-a" and "tenant-b" and users bob (group managers), carol and
/// alice in tenant-a. Two hosts on one database are two nodes. The job executor runs only after
/// <see cref="StartExecutorAsync"/>.
/// </summary>
public sealed class RuntimeTestHost : IAsyncDisposable
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly ServiceProvider _services;
    private bool _executorStarted;

    private RuntimeTestHost(TestDatabase database, bool ownsDatabase, ServiceProvider services)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _services = services;
    }

    public TestDatabase Database => _database;

    /// <param name="settings">Extra configuration (e.g. <c>Wbpm:Scripts:Enabled</c>), over the test defaults.</param>
    public static async Task<RuntimeTestHost> CreateAsync(DatabaseProvider provider, TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var host = Build(database, ownsDatabase: true, time, settings);
        await using var db = host.OpenAllTenants();
        db.Tenants.Add(new Tenant(TenantA, "Tenant A", DateTimeOffset.UtcNow));
        db.Tenants.Add(new Tenant(TenantB, "Tenant B", DateTimeOffset.UtcNow));
        foreach (var user in new[] { "alice", "bob", "carol" })
            db.Users.Add(new WbpmUser { Id = user, UserName = user, NormalizedUserName = user.ToUpperInvariant(), TenantId = TenantA, DisplayName = user });
        var managers = new Wbpm.Domain.Tenancy.Group("g-managers", TenantA, "managers", "Managers", null);
        managers.AddMember("bob");
        db.Groups.Add(managers);
        await db.SaveChangesAsync();
        return host;
    }

    /// <summary>A second node on the same database (the first host drops it).</summary>
    public static RuntimeTestHost Attach(RuntimeTestHost first, TimeProvider? time = null) => Build(first._database, ownsDatabase: false, time);

    /// <summary>
    /// A node on a database another process created (a child process of a crash test); <paramref name="configure"/>
    /// changes its services after the real wiring (e.g. wraps job handlers).
    /// </summary>
    public static RuntimeTestHost Open(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection> configure) =>
        Build(database, ownsDatabase: false, time: null, settings, configure);

    private static RuntimeTestHost Build(TestDatabase database, bool ownsDatabase, TimeProvider? time,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Wbpm"] = Pooled(database),
            ["Wbpm:Database:Provider"] = database.Provider.ToString(),
            ["Wbpm:Jobs:PollInterval"] = "00:00:00.020",
            ["Wbpm:Jobs:MaxPollInterval"] = "00:00:00.100",
            ["Wbpm:Jobs:Workers"] = "4",
            ["Wbpm:Jobs:NodeId"] = $"node-{Guid.NewGuid():N}",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddMetrics();
        services.TryAddSingleton<WbpmMetrics>();
        services.AddWbpmInfrastructure(configuration, Path.GetTempPath());
        if (time is not null)
            services.Replace(ServiceDescriptor.Singleton(time));
        configure?.Invoke(services);
        return new RuntimeTestHost(database, ownsDatabase, services.BuildServiceProvider());
    }

    private static string Pooled(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ConnectionString
        : new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true, MaxPoolSize = 40 }.ConnectionString;

    public WbpmDbContext OpenAllTenants() => _services.GetRequiredService<WbpmDbContextFactory>().Create(TenantScope.AllTenants);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public UserScope As(string userId, params string[] roles) => AsIn(TenantA, userId, roles);

    public UserScope AsIn(string tenantId, string userId, params string[] roles)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(TestPrincipals.With(tenantId, userId, roles));
        return new UserScope(scope);
    }

    /// <summary>Deploys fixture files of Fixtures/runtime as an admin of <paramref name="tenantId"/>.</summary>
    public async Task DeployToAsync(string tenantId, params string[] fixtures)
    {
        await using var scope = AsIn(tenantId, "deployer", Role.Admin);
        var files = fixtures.Select(f => new DeploymentFile(f,
            new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "runtime", f))))).ToList();
        await scope.Get<DeploymentService>().DeployAsync(new DeploymentRequest(files, "test"));
    }

    public Task DeployAsync(params string[] fixtures) => DeployToAsync(TenantA, fixtures);

    /// <summary>Deploys one BPMN text to tenant-a as an admin.</summary>
    public async Task DeployXmlAsync(string fileName, string xml)
    {
        await using var scope = AsIn(TenantA, "deployer", Role.Admin);
        await scope.Get<DeploymentService>().DeployAsync(new DeploymentRequest(
            [new DeploymentFile(fileName, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)))], "test"));
    }

    public async Task StartExecutorAsync()
    {
        _executorStarted = true;
        await Get<JobExecutor>().StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_executorStarted)
            await Get<JobExecutor>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        if (_database.Provider == DatabaseProvider.Sqlite)
            SqliteConnection.ClearPool(new SqliteConnection(Pooled(_database)));
        else
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Pooled(_database)));
        if (_ownsDatabase)
            await _database.DisposeAsync();
    }
}
