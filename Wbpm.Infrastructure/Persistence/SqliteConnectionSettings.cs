using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wbpm.Infrastructure.Persistence;

public enum SqliteSynchronous
{
    /// <summary>
    /// WAL + NORMAL: a commit survives an application crash (what "nothing is lost on a crash" needs); only an OS crash
    /// or power loss can roll back the last commits. About 25x the commit rate of FULL on this project's disks
    /// (docs/benchmarks.md).
    /// </summary>
    Normal,

    /// <summary>Every commit is synced to disk: survives power loss too, at ~2,000 commits/s.</summary>
    Full,
}

/// <summary>
/// PRAGMAs that SQLite keeps per connection, applied once per physical connection when EF first opens it: the sync
/// level (journal_mode=WAL is set once on the file at start-up), a 32 MiB page cache (the 2 MiB default makes
/// every index probe of an inbox query over a million tasks a read from the OS), and a busy timeout as long as the
/// connection's command timeout: SQLite then waits for the one writer's lock itself, retrying after 1, 2, 5, 10 ...
/// ms, where Microsoft.Data.Sqlite's own retry sleeps 150 ms per attempt (the p99 of concurrent writers and job
/// workers, docs/benchmarks.md). Microsoft.Data.Sqlite pools
/// connections and EF opens one per query, so running them on every open cost a statement per query
/// (docs/benchmarks.md); a pooled connection keeps its PRAGMAs, so its native handle remembers that it is set up.
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";

    private string Pragmas(DbConnection connection) =>
        _pragmas + $" PRAGMA busy_timeout={(connection as SqliteConnection)?.DefaultTimeout * 1000 ?? 30_000};";
    private static readonly object Configured = new();
    private readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection, out var handle))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection, out var handle))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    private bool NeedsSettings(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !_configured.TryGetValue(handle, out _);
    }

    private void Remember(object? handle)
    {
        if (handle is not null)
            _configured.AddOrUpdate(handle, Configured);
    }
}
