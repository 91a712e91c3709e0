using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>
/// The raw limit of the embedded database: one tiny INSERT per transaction on a WAL-mode file, one writer. Every
/// persistent scenario commits at least once per step, so its throughput cannot pass this number.
/// </summary>
public sealed class SqliteCommitRateScenario : IBenchmarkScenario
{
    public string Name => "sqlite";

    public Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        IReadOnlyList<BenchmarkResult> results = [Measure("FULL"), Measure("NORMAL")];
        return Task.FromResult(results);
    }

    private static BenchmarkResult Measure(string synchronous)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wbpm-bench-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            Execute(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (payload) VALUES ('x')";
            var run = Latencies.Measure(200, 5_000, () =>
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                insert.ExecuteNonQuery();
                transaction.Commit();
            });
            return new BenchmarkResult("SQLite commit rate (limit)", $"1 insert per commit, WAL, synchronous={synchronous}",
                run.PerSecond, run.P50, run.P95, run.P99, run.Max, "", "one connection");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
