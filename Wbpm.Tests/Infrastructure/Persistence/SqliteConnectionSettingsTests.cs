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
        }
        finally
        {
            File.Delete(path);
        }
    }
}
