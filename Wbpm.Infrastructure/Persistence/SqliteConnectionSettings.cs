using System.Data.Common;
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
/// PRAGMAs that SQLite keeps per connection, applied whenever EF opens one: the sync level (journal_mode=WAL is
/// set once on the file at start-up) and a 32 MiB page cache (the 2 MiB default makes every index probe of an inbox
/// query over a million tasks a read from the OS).
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA cache_size=-32768;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
