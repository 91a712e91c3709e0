using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// Creates short-lived contexts of the configured provider for a given <see cref="TenantScope"/>. Application
/// services ask for the current user's tenant (see <see cref="TenantDbContextFactory"/>); this type is for the
/// places that legitimately span tenants (start-up, sign-in, background workers).
/// </summary>
public sealed class WbpmDbContextFactory
{
    private readonly Func<TenantScope, WbpmDbContext> _create;

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
                _create = scope => new SqliteWbpmDbContext(sqlite, scope);
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = new DbContextOptionsBuilder<PostgreSqlWbpmDbContext>()
                    .UseNpgsql(connectionString)
                    .AddInterceptors([Inserts, .. interceptors])
                    .Options;
                _create = scope => new PostgreSqlWbpmDbContext(postgres, scope);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    public DatabaseProvider Provider { get; }

    public WbpmDbContext Create(TenantScope scope) => _create(scope);
}
