using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Tests.Support;

/// <summary>
/// Real databases for persistence tests: a fresh SQLite file, or a fresh database on the PostgreSQL server that
/// test.sh starts (WBPM_TEST_POSTGRES). Without that variable PostgreSQL tests are skipped, unless
/// WBPM_REQUIRE_POSTGRES=1 (set by test.sh and CI), where a missing server fails the test instead.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "WBPM_TEST_POSTGRES";

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.PostgreSql => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        await using var db = database.Factory.Create(TenantScope.AllTenants);
        await db.Database.MigrateAsync();
        return database;
    }

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wbpm-test-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path};Pooling=False";
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServerConnectionString();
        var name = $"wbpm_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(DatabaseProvider.PostgreSql, connectionString, async () =>
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        });
    }

    public static string PostgresServerConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
            return server;
        if (Environment.GetEnvironmentVariable("WBPM_REQUIRE_POSTGRES") == "1")
            throw new InvalidOperationException($"{PostgresVariable} is not set but WBPM_REQUIRE_POSTGRES=1: test.sh should have started PostgreSQL.");
        Assert.Skip($"PostgreSQL is not configured ({PostgresVariable}); ./test.sh starts one.");
        return "";
    }
}

public sealed class TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;
    public WbpmDbContextFactory Factory { get; } = new(provider, connectionString);

    public ValueTask DisposeAsync() => new(drop());
}
