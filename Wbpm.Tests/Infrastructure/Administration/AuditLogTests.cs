using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;

namespace Wbpm.Tests.Infrastructure.Administration;

public sealed class AuditLogTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteTestDatabase database = default!;
    private string carolId = "";

    public async ValueTask InitializeAsync()
    {
        database = await SqliteTestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        carolId = await database.AddUserAsync(database.TenantA, "carol", Role.User);
        await database.AddUserAsync(database.TenantA, "second-admin", Role.Admin);
        // Four entries in tenant A by two actors, one in tenant B.
        await using (var admin = await database.AsAsync("admin-a"))
        {
            var users = admin.Get<UserAdministration>();
            await users.SetRolesAsync(carolId, [Role.User, Role.Viewer]);
            await users.SetDisabledAsync(carolId, true);
            await admin.Get<GroupAdministration>().CreateAsync("payroll", "Payroll", null);
        }
        await using (var second = await database.AsAsync("second-admin"))
            await second.Get<UserAdministration>().SetDisabledAsync(carolId, false);
        await using (var adminB = await database.AsAsync("admin-b"))
            await adminB.Get<GroupAdministration>().CreateAsync("payroll", "Payroll B", null);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<IReadOnlyList<string>> ActionsAsync(AuditQuery query)
    {
        await using var admin = await database.AsAsync("admin-a");
        return (await admin.Get<AuditLog>().QueryAsync(query)).Items.Select(e => e.Action).ToList();
    }

    [Fact]
    public async Task ShowsOnlyTheOwnTenantNewestFirst()
    {
        Assert.Equal(new[] { "user.enabled", "group.created", "user.disabled", "user.roles-changed" }, await ActionsAsync(new AuditQuery()));
    }

    [Fact]
    public async Task FiltersByAction()
    {
        Assert.Equal(new[] { "user.disabled" }, await ActionsAsync(new AuditQuery(Action: "user.disabled")));
    }

    [Fact]
    public async Task FiltersByActor()
    {
        Assert.Equal(new[] { "user.enabled" }, await ActionsAsync(new AuditQuery(Actor: "second-admin")));
    }

    [Fact]
    public async Task SearchesEntityIdsAndTheBeforeAndAfterJson()
    {
        Assert.Equal(new[] { "group.created" }, await ActionsAsync(new AuditQuery(Search: "Payroll")));
        Assert.Equal(3, (await ActionsAsync(new AuditQuery(Search: carolId))).Count);
    }

    [Fact]
    public async Task FiltersByDateRange()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(4, (await ActionsAsync(new AuditQuery(From: now.AddHours(-1), To: now.AddHours(1)))).Count);
        Assert.Empty(await ActionsAsync(new AuditQuery(From: now.AddHours(1))));
        Assert.Empty(await ActionsAsync(new AuditQuery(To: now.AddHours(-1))));
    }

    [Fact]
    public async Task PagesAndCountsTheTotal()
    {
        await using var admin = await database.AsAsync("admin-a");
        var page = await admin.Get<AuditLog>().QueryAsync(new AuditQuery(Skip: 1, Take: 2), Ct);

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(new[] { "group.created", "user.disabled" }, page.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task ListsTheDistinctActionsOfTheOwnTenant()
    {
        await using var admin = await database.AsAsync("admin-a");
        Assert.Equal(new[] { "group.created", "user.disabled", "user.enabled", "user.roles-changed" }, await admin.Get<AuditLog>().ActionsAsync(Ct));
    }

    [Fact]
    public async Task NonAdminCannotReadTheAuditLog()
    {
        await using var carol = await database.AsAsync("carol");
        await Assert.ThrowsAsync<ForbiddenException>(() => carol.Get<AuditLog>().QueryAsync(new AuditQuery(), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => carol.Get<AuditLog>().ActionsAsync(Ct));
    }
}
