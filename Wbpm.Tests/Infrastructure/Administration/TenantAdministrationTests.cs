using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;

namespace Wbpm.Tests.Infrastructure.Administration;

public sealed class TenantAdministrationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteTestDatabase database = default!;

    public async ValueTask InitializeAsync() => database = await SqliteTestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static NewTenant Globex(string adminUserName = "globex-admin") =>
        new("Globex", adminUserName, "Greta Globex", "greta@globex.example", "Globex-Passw0rd");

    [Fact]
    public async Task NonAdminCannotListOrCreateTenants()
    {
        await database.AddUserAsync(database.TenantA, "operator-a", Role.Operator);
        await using var operatorScope = await database.AsAsync("operator-a");
        var tenants = operatorScope.Get<TenantAdministration>();

        await Assert.ThrowsAsync<ForbiddenException>(() => tenants.ListAsync(Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => tenants.CreateAsync(Globex(), Ct));
        await using var db = database.OpenAllTenants();
        Assert.Equal(2, await db.Tenants.CountAsync(Ct));
    }

    [Fact]
    public async Task CreatingATenantCreatesItsFirstAdminWhoSeesOnlyTheNewTenant()
    {
        string tenantId;
        await using (var admin = await database.AsAsync("admin-a"))
            tenantId = await admin.Get<TenantAdministration>().CreateAsync(Globex(), Ct);

        await using (var newAdmin = await database.AsAsync("globex-admin"))
        {
            Assert.Equal(tenantId, newAdmin.CurrentUser.TenantId);
            var users = await newAdmin.Get<UserAdministration>().ListAsync(new UserQuery(), Ct);
            var only = Assert.Single(users.Items);
            Assert.Equal(new[] { "Admin" }, only.Roles);
        }
        // The entry belongs to the tenant of the admin who acted, so they can read it in their audit log.
        await using var db = database.OpenAllTenants();
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal(("tenant.created", tenantId, database.TenantA.Id), (entry.Action, entry.EntityId, entry.TenantId));
    }

    [Fact]
    public async Task TakenAdminUserNameIsRejectedAndNoTenantIsCreated()
    {
        await using var admin = await database.AsAsync("admin-a");

        var error = await Assert.ThrowsAsync<ValidationException>(() => admin.Get<TenantAdministration>().CreateAsync(Globex("admin-b"), Ct));

        Assert.Contains("AdminUserName", error.Errors.Keys);
        await using var db = database.OpenAllTenants();
        Assert.False(await db.Tenants.AnyAsync(t => t.Name == "Globex", Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task DuplicateTenantNameIsRejected()
    {
        await using var admin = await database.AsAsync("admin-a");
        var tenants = admin.Get<TenantAdministration>();

        var create = await Assert.ThrowsAsync<ValidationException>(() => tenants.CreateAsync(Globex() with { Name = "Tenant B" }, Ct));
        var rename = await Assert.ThrowsAsync<ValidationException>(() => tenants.RenameAsync(database.TenantA.Id, "Tenant B", Ct));

        Assert.Contains("Name", create.Errors.Keys);
        Assert.Contains("Name", rename.Errors.Keys);
    }

    [Fact]
    public async Task ListMarksTheAdminsOwnTenantAndCountsUsers()
    {
        await database.AddUserAsync(database.TenantB, "b-user", Role.User);
        await using var admin = await database.AsAsync("admin-a");

        var tenants = await admin.Get<TenantAdministration>().ListAsync(Ct);

        Assert.Equal(new[] { ("Tenant A", 1, true), ("Tenant B", 2, false) }, tenants.Select(t => (t.Name, t.UserCount, t.IsCurrent)));
    }

    [Fact]
    public async Task AnAdminCannotRenameAnotherTenant()
    {
        await using var admin = await database.AsAsync("admin-a");

        await Assert.ThrowsAsync<NotFoundException>(() => admin.Get<TenantAdministration>().RenameAsync(database.TenantB.Id, "Hijacked", Ct));

        await using var db = database.OpenAllTenants();
        Assert.Equal("Tenant B", (await db.Tenants.SingleAsync(t => t.Id == database.TenantB.Id, Ct)).Name);
    }

    [Fact]
    public async Task RenamingIsAuditedWithTheOldAndNewName()
    {
        await using var admin = await database.AsAsync("admin-a");

        await admin.Get<TenantAdministration>().RenameAsync(database.TenantA.Id, "Tenant A Ltd", Ct);

        await using var db = database.OpenAllTenants();
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal(("""{"name":"Tenant A"}""", """{"name":"Tenant A Ltd"}"""), (entry.Before, entry.After));
    }
}
