using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Observability;
using Wbpm.Infrastructure.Persistence;
using Npgsql;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Jobs;

/// <summary>
/// One job executor as the app wires it (AddWbpmJobs), on a test database, with the test's clock and handlers.
/// Several hosts on one database behave like several nodes.
/// </summary>
public sealed class ExecutorHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private readonly TestDatabase _database;

    private ExecutorHost(ServiceProvider services, TestDatabase database)
    {
        _services = services;
        _database = database;
        Executor = services.GetRequiredService<JobExecutor>();
    }

    public JobExecutor Executor { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();
    public IJobWakeUp WakeUp => _services.GetRequiredService<IJobWakeUp>();
    public JobExecutorHealthCheck HealthCheck => ActivatorUtilities.CreateInstance<JobExecutorHealthCheck>(_services);

    public static async Task<ExecutorHost> StartAsync(TestDatabase database, TimeProvider time, Action<JobExecutorOptions>? configure,
        params IJobHandler[] handlers)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<WbpmMetrics>();
        // Pooled, as the app's connection strings are by default (the test database's own factory is unpooled
        // so that its file or database can be dropped at the end).
        services.AddSingleton(new WbpmDbContextFactory(database.Provider, Pooled(database)));
        services.AddSingleton(time);
        services.AddWbpmJobs(new ConfigurationBuilder().Build());
        services.Configure<JobExecutorOptions>(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(100);
            o.Workers = 4;
            configure?.Invoke(o);
        });
        foreach (var handler in handlers)
            services.AddSingleton(handler);
        var host = new ExecutorHost(services.BuildServiceProvider(), database);
        await host.Executor.StartAsync(CancellationToken.None);
        return host;
    }

    private static string Pooled(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ConnectionString
        : new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ConnectionString;

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await Executor.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        // Close this database's idle pooled connections, so the test can drop it.
        if (_database.Provider == DatabaseProvider.Sqlite)
            SqliteConnection.ClearPool(new SqliteConnection(Pooled(_database)));
        else
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Pooled(_database)));
    }
}

/// <summary>Seeding and reading jobs for executor tests (all tenants: the tests look at the table as a whole).</summary>
public static class JobTable
{
    public const string Tenant = "tenant-a";

    public static async Task AddAsync(TestDatabase database, IEnumerable<Job> jobs)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
    }

    public static Job New(string id, string kind, DateTimeOffset due, string? instance = null, bool exclusive = true,
        string? retryCycle = null) =>
        new(new NewJob(id, Tenant, kind, due, instance, "Task_1", null, null, RetryCycle: retryCycle, Exclusive: exclusive), due);

    public static async Task<Job?> FindAsync(TestDatabase database, string id)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
    }

    public static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        return await db.Jobs.CountAsync();
    }

    public static async Task<List<Incident>> IncidentsAsync(TestDatabase database)
    {
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        return await db.Incidents.AsNoTracking().ToListAsync();
    }

    /// <summary>WAL lets SQLite readers work while a writer commits, as the app configures it on start.</summary>
    public static async Task UseWalAsync(TestDatabase database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            return;
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}

/// <summary>A handler defined by a lambda, for tests.</summary>
public sealed class DelegateJobHandler(string kind, Func<JobExecution, CancellationToken, Task> handle, bool sharesCommits = false) : IJobHandler
{
    public string Kind { get; } = kind;

    public Task HandleAsync(JobExecution job, CancellationToken cancellationToken) => handle(job, cancellationToken);

    public bool SharesCommits { get; } = sharesCommits;
}
