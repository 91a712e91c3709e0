using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;

namespace Wbpm.Tests.Infrastructure.Administration;

public sealed class GroupAdministrationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteTestDatabase database = default!;

    public async ValueTask InitializeAsync() => database = await SqliteTestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task NonAdminCannotCreateOrChangeGroups()
    {
        await database.AddUserAsync(database.TenantA, "designer-a", Role.Designer);
        var groupId = await database.AddGroupAsync(database.TenantA, "managers", "Managers");
        await using var designer = await database.AsAsync("designer-a");
        var groups = designer.Get<GroupAdministration>();

        await Assert.ThrowsAsync<ForbiddenException>(() => groups.CreateAsync("hr", "HR", null, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => groups.AddMemberAsync(groupId, database.TenantA.AdminId, Ct));
        await using var db = database.OpenAllTenants();
        Assert.Equal(1, await db.Groups.CountAsync(Ct));
        Assert.Empty(await db.GroupMembers.ToListAsync(Ct));
    }

    [Fact]
    public async Task AddingAndRemovingMembersUpdatesTheCountAndIsAudited()
    {
        var aliceId = await database.AddUserAsync(database.TenantA, "alice", Role.User);
        await using var admin = await database.AsAsync("admin-a");
        var groups = admin.Get<GroupAdministration>();
        var groupId = await groups.CreateAsync("employees", "Employees", "Everyone", Ct);

        await groups.AddMemberAsync(groupId, aliceId, Ct);
        await groups.AddMemberAsync(groupId, database.TenantA.AdminId, Ct);
        await groups.AddMemberAsync(groupId, aliceId, Ct); // already a member: no change, no audit entry
        await groups.RemoveMemberAsync(groupId, database.TenantA.AdminId, Ct);

        Assert.Equal(1, Assert.Single(await groups.ListAsync(Ct)).MemberCount);
        Assert.Equal(new[] { "alice" }, (await groups.MembersAsync(groupId, Ct)).Select(m => m.UserName));
        await using var db = database.OpenAllTenants();
        var actions = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(new[] { "group.created", "group.member-added", "group.member-added", "group.member-removed" }, actions);
    }

    [Fact]
    public async Task DuplicateKeyIsRejectedOnTheKeyField()
    {
        await database.AddGroupAsync(database.TenantA, "hr", "HR");
        await using var admin = await database.AsAsync("admin-a");

        var error = await Assert.ThrowsAsync<ValidationException>(() => admin.Get<GroupAdministration>().CreateAsync("hr", "Human resources", null, Ct));

        Assert.Equal(new[] { "Key" }, error.Errors.Keys);
    }

    [Fact]
    public async Task TheSameKeyMayExistInAnotherTenant()
    {
        await database.AddGroupAsync(database.TenantB, "hr", "HR");
        await using var admin = await database.AsAsync("admin-a");

        await admin.Get<GroupAdministration>().CreateAsync("hr", "HR", null, Ct);

        Assert.Single(await admin.Get<GroupAdministration>().ListAsync(Ct));
    }

    [Fact]
    public async Task AddingAUserOfAnotherTenantIsNotFound()
    {
        var groupId = await database.AddGroupAsync(database.TenantA, "employees", "Employees");
        await using var admin = await database.AsAsync("admin-a");

        await Assert.ThrowsAsync<NotFoundException>(() => admin.Get<GroupAdministration>().AddMemberAsync(groupId, database.TenantB.AdminId, Ct));

        await using var db = database.OpenAllTenants();
        Assert.Empty(await db.GroupMembers.ToListAsync(Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task GroupOfAnotherTenantIsNotFound()
    {
        var foreignGroup = await database.AddGroupAsync(database.TenantB, "spies", "Spies");
        await using var admin = await database.AsAsync("admin-a");
        var groups = admin.Get<GroupAdministration>();

        await Assert.ThrowsAsync<NotFoundException>(() => groups.MembersAsync(foreignGroup, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => groups.AddMemberAsync(foreignGroup, database.TenantA.AdminId, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => groups.UpdateAsync(foreignGroup, "Renamed", null, Ct));
        Assert.Empty(await groups.ListAsync(Ct));
        await using var db = database.OpenAllTenants();
        Assert.Equal("Spies", (await db.Groups.SingleAsync(g => g.Id == foreignGroup, Ct)).Name);
    }
}
