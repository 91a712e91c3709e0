namespace Wbpm.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Bound from <c>Wbpm:Database</c>; the connection string comes from <c>ConnectionStrings:Wbpm</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file when no connection string is given (relative to the content root).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite only: how hard each commit is synced (see <see cref="Persistence.SqliteSynchronous"/>).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>Apply pending EF migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
