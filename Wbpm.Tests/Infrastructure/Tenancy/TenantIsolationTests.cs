using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Tenancy;

/// <summary>
/// A context scoped to tenant A never reads or changes tenant B's rows: not by query, not by id, not by a
/// bulk update; a context without a tenant sees nothing. Runs on SQLite and on a real PostgreSQL.
/// </summary>
public sealed class TenantIsolationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task QueriesReturnOnlyTheCurrentTenantsRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await SeedTwoTenantsAsync(database.Factory);

        await using var db = database.Factory.Create(TenantScope.For("tenant-a"));
        Assert.Equal(["a-group"], await db.Groups.Select(g => g.Key).ToListAsync());
        Assert.Equal(["alice-a"], await db.Users.Select(u => u.UserName!).ToListAsync());
        Assert.Equal(["a-entity"], await db.AuditEntries.Select(e => e.EntityId).ToListAsync());
        Assert.All(await db.GroupMembers.ToListAsync(), m => Assert.Equal("tenant-a", m.TenantId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FindingAnotherTenantsRowByIdReturnsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await SeedTwoTenantsAsync(database.Factory);

        await using var db = database.Factory.Create(TenantScope.For("tenant-a"));
        Assert.Null(await db.Groups.FindAsync("group-b"));
        Assert.Null(await db.Groups.FirstOrDefaultAsync(g => g.Id == "group-b"));
        Assert.Null(await db.Users.FirstOrDefaultAsync(u => u.Id == "user-b"));
        Assert.NotNull(await db.Groups.FindAsync("group-a"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UpdatingAnotherTenantsRowByIdChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await SeedTwoTenantsAsync(database.Factory);

        await using (var db = database.Factory.Create(TenantScope.For("tenant-a")))
        {
            var updated = await db.Groups.Where(g => g.Id == "group-b")
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, "Hijacked"));
            Assert.Equal(0, updated);
            var deleted = await db.AuditEntries.Where(e => e.TenantId == "tenant-b").ExecuteDeleteAsync();
            Assert.Equal(0, deleted);
        }

        await using var check = database.Factory.Create(TenantScope.For("tenant-b"));
        Assert.Equal("Group B", (await check.Groups.SingleAsync()).Name);
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AContextWithoutATenantSeesNoTenantOwnedRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await SeedTwoTenantsAsync(database.Factory);

        await using var db = database.Factory.Create(TenantScope.For(null));
        Assert.Empty(await db.Groups.ToListAsync());
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
        Assert.Empty(await db.GroupMembers.ToListAsync());
    }

    private static async Task SeedTwoTenantsAsync(WbpmDbContextFactory factory)
    {
        await using var db = factory.Create(TenantScope.AllTenants);
        foreach (var t in new[] { "a", "b" })
        {
            db.Tenants.Add(new Tenant($"tenant-{t}", $"Tenant {t.ToUpperInvariant()}", Now));
            db.Users.Add(new WbpmUser
            {
                Id = $"user-{t}", TenantId = $"tenant-{t}", UserName = $"alice-{t}", NormalizedUserName = $"ALICE-{t.ToUpperInvariant()}",
                DisplayName = $"Alice {t}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = Now,
            });
            var group = new Group($"group-{t}", $"tenant-{t}", $"{t}-group", $"Group {t.ToUpperInvariant()}", null);
            group.AddMember($"user-{t}");
            db.Groups.Add(group);
            db.AuditEntries.Add(new AuditEntry($"tenant-{t}", Now, $"user-{t}", $"alice-{t}", "test.seeded", "Test", $"{t}-entity", null, "{}"));
        }
        await db.SaveChangesAsync();
    }
}
