using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// Creates short-lived contexts of the configured provider for a given <see cref="TenantScope"/>. Application
/// services ask for the current user's tenant (see <see cref="TenantDbContextFactory"/>); this type is for the
/// places that legitimately span tenants (start-up, sign-in, background workers).
/// Contexts come from EF's pool: a new context's internal services cost more than many a command's own work
/// (docs/benchmarks.md); a pooled one keeps them, and EF resets its state on the way back.
/// </summary>
public sealed class WbpmDbContextFactory
{
    private readonly Func<WbpmDbContext> _create;

    // First: its SavedChanges commits the rows it wrote before any later interceptor announces the commit.
    private static readonly MultiRowInserts Inserts = new([typeof(Runtime.HistoryEntry), typeof(Inbox.InstanceVariable)], [typeof(Runtime.ProcessInstance)]);

    public WbpmDbContextFactory(DatabaseProvider provider, string connectionString, SqliteSynchronous sqliteSynchronous = SqliteSynchronous.Normal,
        params IInterceptor[] interceptors)
    {
        Provider = provider;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteWbpmDbContext>()
                    .UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                    .AddInterceptors([Inserts, new SqliteConnectionSettings(sqliteSynchronous), .. interceptors])
                    .Options;
                var sqlitePool = new PooledDbContextFactory<SqliteWbpmDbContext>(sqlite);
                _create = sqlitePool.CreateDbContext;
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = new DbContextOptionsBuilder<PostgreSqlWbpmDbContext>()
                    .UseNpgsql(connectionString)
                    .AddInterceptors([Inserts, .. interceptors])
                    .Options;
                var postgresPool = new PooledDbContextFactory<PostgreSqlWbpmDbContext>(postgres);
                _create = postgresPool.CreateDbContext;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    public DatabaseProvider Provider { get; }

    public WbpmDbContext Create(TenantScope scope) => _create().Lease(scope);
}
