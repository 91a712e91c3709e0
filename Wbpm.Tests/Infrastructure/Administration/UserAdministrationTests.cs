using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;

namespace Wbpm.Tests.Infrastructure.Administration;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteTestDatabase database = default!;

    public async ValueTask InitializeAsync() => database = await SqliteTestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static NewUser NewUser(string userName, string password = SqliteTestDatabase.Password, params string[] roles) =>
        new(userName, $"Name of {userName}", $"{userName}@example.com", password, roles, []);

    [Fact]
    public async Task NonAdminIsForbiddenAndNothingChanges()
    {
        await database.AddUserAsync(database.TenantA, "viewer-a", Role.Viewer);
        await using (var viewer = await database.AsAsync("viewer-a"))
        {
            var users = viewer.Get<UserAdministration>();
            await Assert.ThrowsAsync<ForbiddenException>(() => users.CreateAsync(NewUser("newcomer"), Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => users.SetDisabledAsync(database.TenantA.AdminId, true, Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => users.SetRolesAsync(database.TenantA.AdminId, [Role.Viewer], Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => users.ListAsync(new UserQuery(), Ct));
        }
        await using (var nobody = database.Anonymous())
            await Assert.ThrowsAsync<ForbiddenException>(() => nobody.Get<UserAdministration>().ListAsync(new UserQuery(), Ct));

        await using var db = database.OpenAllTenants();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "newcomer", Ct));
        Assert.False((await db.Users.SingleAsync(u => u.Id == database.TenantA.AdminId, Ct)).IsDisabled);
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task CreatingAUserStoresItInTheAdminsTenantWithItsAuditEntry()
    {
        var groupId = await database.AddGroupAsync(database.TenantA, "employees", "Employees");
        await using var admin = await database.AsAsync("admin-a");
        var id = await admin.Get<UserAdministration>().CreateAsync(
            new NewUser("dora", "Dora Explorer", "dora@example.com", "Dora-Passw0rd", [Role.User], [groupId]), Ct);

        var created = await admin.Get<UserAdministration>().GetAsync(id, Ct);
        Assert.Equal(new[] { "User" }, created.Roles);
        Assert.Equal(new[] { "Employees" }, created.Groups);
        Assert.Equal(new[] { groupId }, created.GroupIds);
        await using var db = database.OpenAllTenants();
        Assert.Equal(database.TenantA.Id, (await db.Users.SingleAsync(u => u.Id == id, Ct)).TenantId);
        var entry = Assert.Single(await db.AuditEntries.ToListAsync(Ct));
        Assert.Equal(("user.created", id, "admin-a", database.TenantA.Id), (entry.Action, entry.EntityId, entry.ActorName, entry.TenantId));
        Assert.Null(entry.Before);
        Assert.Contains("\"dora\"", entry.After);
    }

    [Fact]
    public async Task UserNameTakenInAnotherTenantIsRejectedAndNothingIsWritten()
    {
        await using var admin = await database.AsAsync("admin-a");
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            admin.Get<UserAdministration>().CreateAsync(NewUser(database.TenantB.AdminUserName.ToUpperInvariant()), Ct));

        Assert.Contains("UserName", error.Errors.Keys);
        await using var db = database.OpenAllTenants();
        Assert.Equal(2, await db.Users.CountAsync(Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task WeakPasswordIsRejectedOnThePasswordField()
    {
        await using var admin = await database.AsAsync("admin-a");
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            admin.Get<UserAdministration>().CreateAsync(NewUser("weakling", "short"), Ct));

        Assert.Equal(new[] { "Password" }, error.Errors.Keys);
        Assert.NotEmpty(error.Errors["Password"]);
    }

    [Fact]
    public async Task DisablingRenewsTheSecurityStampAndIsAudited()
    {
        var userId = await database.AddUserAsync(database.TenantA, "leaver", Role.User);
        string stampBefore;
        await using (var db = database.OpenAllTenants())
            stampBefore = (await db.Users.SingleAsync(u => u.Id == userId, Ct)).SecurityStamp!;

        await using (var admin = await database.AsAsync("admin-a"))
            await admin.Get<UserAdministration>().SetDisabledAsync(userId, true, Ct);

        await using var after = database.OpenAllTenants();
        var user = await after.Users.SingleAsync(u => u.Id == userId, Ct);
        Assert.True(user.IsDisabled);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.Equal("user.disabled", (await after.AuditEntries.SingleAsync(Ct)).Action);
    }

    [Fact]
    public async Task AdminCannotDisableThemselves()
    {
        await using var admin = await database.AsAsync("admin-a");
        await Assert.ThrowsAsync<ValidationException>(() =>
            admin.Get<UserAdministration>().SetDisabledAsync(database.TenantA.AdminId, true, Ct));

        await using var db = database.OpenAllTenants();
        Assert.False((await db.Users.SingleAsync(u => u.Id == database.TenantA.AdminId, Ct)).IsDisabled);
    }

    [Fact]
    public async Task AdminCannotDropTheirOwnAdminRole()
    {
        await using var admin = await database.AsAsync("admin-a");
        var users = admin.Get<UserAdministration>();
        var error = await Assert.ThrowsAsync<ValidationException>(() => users.SetRolesAsync(database.TenantA.AdminId, [Role.Designer], Ct));

        Assert.Contains("Roles", error.Errors.Keys);
        Assert.Equal(new[] { "Admin" }, (await users.GetAsync(database.TenantA.AdminId, Ct)).Roles);
    }

    [Fact]
    public async Task RoleChangeRenewsTheStampAndIsAuditedWithBeforeAndAfter()
    {
        var userId = await database.AddUserAsync(database.TenantA, "promoted", Role.User);
        await using (var admin = await database.AsAsync("admin-a"))
            await admin.Get<UserAdministration>().SetRolesAsync(userId, [Role.User, Role.Operator], Ct);

        await using var db = database.OpenAllTenants();
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal(("user.roles-changed", userId), (entry.Action, entry.EntityId));
        Assert.Equal("""{"roles":["User"]}""", entry.Before);
        Assert.Equal("""{"roles":["Operator","User"]}""", entry.After);
    }

    [Fact]
    public async Task UserOfAnotherTenantIsNotFound()
    {
        await using var admin = await database.AsAsync("admin-a");
        var users = admin.Get<UserAdministration>();

        await Assert.ThrowsAsync<NotFoundException>(() => users.GetAsync(database.TenantB.AdminId, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => users.SetDisabledAsync(database.TenantB.AdminId, true, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => users.ResetPasswordAsync(database.TenantB.AdminId, "Other-Passw0rd", Ct));
        await using var db = database.OpenAllTenants();
        Assert.False((await db.Users.SingleAsync(u => u.Id == database.TenantB.AdminId, Ct)).IsDisabled);
    }

    [Fact]
    public async Task GroupsOfAnotherTenantAreRejected()
    {
        var userId = await database.AddUserAsync(database.TenantA, "member", Role.User);
        var foreignGroup = await database.AddGroupAsync(database.TenantB, "spies", "Spies");
        await using var admin = await database.AsAsync("admin-a");

        var error = await Assert.ThrowsAsync<ValidationException>(() => admin.Get<UserAdministration>().SetGroupsAsync(userId, [foreignGroup], Ct));

        Assert.Contains("Groups", error.Errors.Keys);
        await using var db = database.OpenAllTenants();
        Assert.Empty(await db.GroupMembers.ToListAsync(Ct));
    }

    [Fact]
    public async Task ListShowsOnlyTheAdminsTenantAndSearches()
    {
        await database.AddUserAsync(database.TenantA, "alice", Role.User);
        await database.AddUserAsync(database.TenantA, "bob", Role.User);
        await database.AddUserAsync(database.TenantB, "alicia", Role.User);
        await using var admin = await database.AsAsync("admin-a");
        var users = admin.Get<UserAdministration>();

        var all = await users.ListAsync(new UserQuery(), Ct);
        var search = await users.ListAsync(new UserQuery(Search: "ALI"), Ct);
        var secondPage = await users.ListAsync(new UserQuery(Skip: 2, Take: 2), Ct);

        Assert.Equal(new[] { "admin-a", "alice", "bob" }, all.Items.Select(u => u.UserName));
        Assert.Equal(new[] { "alice" }, search.Items.Select(u => u.UserName));
        Assert.Equal(3, secondPage.TotalCount);
        Assert.Equal(new[] { "bob" }, secondPage.Items.Select(u => u.UserName));
    }
}
