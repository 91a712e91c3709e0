using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Tests.Infrastructure.Persistence;

/// <summary>The configured SQLite sync level reaches every connection EF opens.</summary>
public sealed class SqliteConnectionSettingsTests
{
    [Theory]
    [InlineData(SqliteSynchronous.Normal, 1)]
    [InlineData(SqliteSynchronous.Full, 2)]
    public async Task EveryConnectionUsesTheConfiguredSyncLevel(SqliteSynchronous setting, int pragmaValue)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wbpm-sync-{Guid.NewGuid():N}.db");
        try
        {
            var factory = new WbpmDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", setting);
            await using var db = factory.Create(TenantScope.AllTenants);
            var value = await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync();
            Assert.Equal(pragmaValue, Assert.Single(value));
            // Waiting for the writer's lock is SQLite's job, for as long as a command may take (30 s by default).
            Assert.Equal(30_000, Assert.Single(await db.Database.SqlQueryRaw<int>("PRAGMA busy_timeout").ToListAsync()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
