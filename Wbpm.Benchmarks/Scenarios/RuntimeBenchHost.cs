using System.Security.Claims;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>
/// The app's real services (AddWbpmInfrastructure: runtime, job executor, history on) over a fresh database: a SQLite
/// file, or a database on the PostgreSQL server named by WBPM_BENCH_POSTGRES. The executor starts only when asked.
/// </summary>
public sealed class RuntimeBenchHost : IAsyncDisposable
{
    public const string Tenant = "bench";
    private readonly ServiceProvider _services;
    private readonly Func<Task> _drop;

    private RuntimeBenchHost(ServiceProvider services, Func<Task> drop)
    {
        _services = services;
        _drop = drop;
    }

    public static async Task<RuntimeBenchHost> CreateAsync(DatabaseProvider provider)
    {
        var (connectionString, drop) = provider == DatabaseProvider.Sqlite ? Sqlite() : await PostgresAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Wbpm"] = connectionString,
            ["Wbpm:Database:Provider"] = provider.ToString(),
            ["Wbpm:Jobs:PollInterval"] = "00:00:00.050",
        }).AddEnvironmentVariables().Build(); // e.g. Wbpm__Jobs__Workers=4 tries another setting
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddMetrics();
        services.AddWbpmInfrastructure(configuration, Path.GetTempPath());
        var host = new RuntimeBenchHost(services.BuildServiceProvider(), drop);
        await using var db = host.Get<WbpmDbContextFactory>().Create(TenantScope.AllTenants);
        await db.Database.MigrateAsync();
        db.Tenants.Add(new Tenant(Tenant, "Benchmarks", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return host;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public IServiceProvider Services => _services;

    /// <summary>A scope acting as an admin of the benchmark tenant (all permissions, task.manage included).</summary>
    public AsyncServiceScope AsAdmin()
    {
        var scope = _services.CreateAsyncScope();
        var identity = new ClaimsIdentity([
            new Claim(ClaimTypes.NameIdentifier, "bench-admin"), new Claim(ClaimTypes.Name, "bench-admin"),
            new Claim(WbpmClaimTypes.TenantId, Tenant), new Claim(ClaimTypes.Role, Role.Admin)], "Bench");
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(new ClaimsPrincipal(identity));
        return scope;
    }

    public async Task DeployAsync(string model)
    {
        await using var scope = AsAdmin();
        var file = new DeploymentFile(model, new MemoryStream(Encoding.UTF8.GetBytes(BenchmarkModels.Read(model))));
        await scope.ServiceProvider.GetRequiredService<DeploymentService>().DeployAsync(new DeploymentRequest([file], model));
    }

    public WbpmDbContext Open() => Get<WbpmDbContextFactory>().Create(TenantScope.AllTenants);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _drop();
    }

    private static (string, Func<Task>) Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wbpm-bench-{Guid.NewGuid():N}.db");
        return ($"Data Source={path}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
            return Task.CompletedTask;
        });
    }

    private static async Task<(string, Func<Task>)> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("WBPM_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set WBPM_BENCH_POSTGRES to a PostgreSQL server connection string.");
        var name = $"wbpm_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
