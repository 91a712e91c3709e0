using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Persistence;

/// <summary>
/// Contexts come from EF's pool (<see cref="WbpmDbContextFactory"/>): a context handed out again must carry nothing of
/// its last user, neither the tenant it saw, nor rows it never saved, nor a connection it left open.
/// </summary>
public sealed class PooledContextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AContextHandedOutAgainSeesOnlyItsNewTenantAndForgetsTheLastUsersUnsavedRowsAndOpenConnection(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        var contexts = host.Get<WbpmDbContextFactory>();
        WbpmDbContext first;
        await using (first = contexts.Create(TenantScope.For(RuntimeTestHost.TenantA)))
        {
            await first.Database.OpenConnectionAsync(Ct);
            first.UntrackedInserts.Add(new object());
            Assert.Equal(["g-managers"], await first.Groups.Select(g => g.Id).ToListAsync(Ct));
        }

        await using var second = contexts.Create(TenantScope.For(RuntimeTestHost.TenantB));
        Assert.Same(first, second); // the pool handed the same context out: what follows tests the reset
        Assert.Equal(RuntimeTestHost.TenantB, second.Scope.TenantId);
        Assert.Empty(second.UntrackedInserts);
        Assert.Empty(await second.Groups.ToListAsync(Ct)); // tenant B has no groups
        // A connection of its own again, closed: EF can lend it another one, as the group commit does.
        second.Database.SetDbConnection(null, contextOwnsConnection: false);
    }
}
