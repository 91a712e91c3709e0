using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.ApiKeys;
using Wbpm.Tests.Infrastructure.Administration;

namespace Wbpm.Tests.Infrastructure.Definitions;

/// <summary>API keys through the service: the secret once, only a hash stored, audited, admin-only, tenant-scoped.</summary>
public sealed class ApiKeyAdministrationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteTestDatabase database = default!;

    public async ValueTask InitializeAsync() => database = await SqliteTestDatabase.CreateAsync(Ct);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task CreatingAKeyReturnsTheSecretOnceAndStoresOnlyItsHash()
    {
        await using var admin = await database.AsAsync("admin-a");
        var created = await admin.Get<ApiKeyAdministration>().CreateAsync(new NewApiKey("CI"), Ct);

        await using var db = database.OpenAllTenants();
        var stored = await db.ApiKeys.SingleAsync(Ct);
        Assert.Equal(ApiKeySecret.Hash(created.Secret), stored.SecretHash);
        Assert.StartsWith(stored.Prefix, created.Secret);
        Assert.Equal(database.TenantA.AdminId, stored.UserId);
        var audit = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal("api-key.created", audit.Action);
        Assert.DoesNotContain(created.Secret, audit.After);
        Assert.DoesNotContain(created.Secret, string.Join(" ", (await admin.Get<ApiKeyAdministration>().ListAsync(Ct)).Select(k => k.ToString())));
    }

    [Fact]
    public async Task ARevokedOrExpiredKeyOrADisabledUserDoesNotAuthenticate()
    {
        var userId = await database.AddUserAsync(database.TenantA, "robot", Role.Designer);
        await using var admin = await database.AsAsync("admin-a");
        var keys = admin.Get<ApiKeyAdministration>();
        var revoked = await keys.CreateAsync(new NewApiKey("revoked", userId), Ct);
        var active = await keys.CreateAsync(new NewApiKey("active", userId), Ct);
        await keys.RevokeAsync(revoked.Id, Ct);
        var authenticator = admin.Get<ApiKeyAuthenticator>();

        Assert.Null((await authenticator.AuthenticateAsync(revoked.Secret, Ct)).User);
        Assert.Equal("robot", (await authenticator.AuthenticateAsync(active.Secret, Ct)).User?.UserName);
        Assert.Null((await authenticator.AuthenticateAsync(active.Secret[..^1] + "x", Ct)).User);

        await admin.Get<UserAdministration>().SetDisabledAsync(userId, true, Ct);
        Assert.Null((await authenticator.AuthenticateAsync(active.Secret, Ct)).User);
    }

    [Fact]
    public async Task OnlyAdminsManageKeysAndOnlyOfTheirOwnTenant()
    {
        await database.AddUserAsync(database.TenantA, "designer-a", Role.Designer);
        string keyOfB;
        await using (var adminB = await database.AsAsync("admin-b"))
            keyOfB = (await adminB.Get<ApiKeyAdministration>().CreateAsync(new NewApiKey("B's key"), Ct)).Id;

        await using var designer = await database.AsAsync("designer-a");
        await Assert.ThrowsAsync<ForbiddenException>(() => designer.Get<ApiKeyAdministration>().CreateAsync(new NewApiKey("mine"), Ct));
        await using var adminA = await database.AsAsync("admin-a");
        var keys = adminA.Get<ApiKeyAdministration>();
        Assert.Empty(await keys.ListAsync(Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => keys.RevokeAsync(keyOfB, Ct));
        await Assert.ThrowsAsync<ValidationException>(() => keys.CreateAsync(new NewApiKey("as B's admin", database.TenantB.AdminId), Ct));
    }
}
