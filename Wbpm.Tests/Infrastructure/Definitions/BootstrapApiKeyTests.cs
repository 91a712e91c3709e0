using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.ApiKeys;
using Wbpm.Infrastructure.Seeding;
using Wbpm.Tests.Infrastructure.Administration;

namespace Wbpm.Tests.Infrastructure.Definitions;

/// <summary>Wbpm:Bootstrap:ApiKey: created once for the named admin, never duplicated, never resurrected after revocation.</summary>
public sealed class BootstrapApiKeyTests : IAsyncLifetime
{
    private const string Secret = "wbpm_bootstrap-secret-for-tests-000000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteTestDatabase database = default!;

    public async ValueTask InitializeAsync() => database = await SqliteTestDatabase.CreateAsync(Ct);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task StartingTwiceCreatesOneKeyActingAsTheAdmin()
    {
        await using var scope = database.Anonymous();
        var bootstrap = scope.Get<BootstrapApiKey>();

        await bootstrap.EnsureAsync(Secret, "admin-a", Ct);
        await bootstrap.EnsureAsync(Secret, "admin-a", Ct);

        await using var db = database.OpenAllTenants();
        var key = await db.ApiKeys.SingleAsync(Ct);
        Assert.Equal((database.TenantA.AdminId, database.TenantA.Id), (key.UserId, key.TenantId));
        Assert.Equal("admin-a", (await scope.Get<ApiKeyAuthenticator>().AuthenticateAsync(Secret, Ct)).User?.UserName);
    }

    [Fact]
    public async Task ARevokedBootstrapKeyStaysRevokedOnTheNextStart()
    {
        await using (var scope = database.Anonymous())
            await scope.Get<BootstrapApiKey>().EnsureAsync(Secret, "admin-a", Ct);
        await using (var admin = await database.AsAsync("admin-a"))
        {
            var keys = admin.Get<ApiKeyAdministration>();
            await keys.RevokeAsync((await keys.ListAsync(Ct)).Single().Id, Ct);
        }

        await using var restart = database.Anonymous();
        await restart.Get<BootstrapApiKey>().EnsureAsync(Secret, "admin-a", Ct);

        await using var db = database.OpenAllTenants();
        Assert.NotNull((await db.ApiKeys.SingleAsync(Ct)).RevokedAt);
        Assert.Null((await restart.Get<ApiKeyAuthenticator>().AuthenticateAsync(Secret, Ct)).User);
    }

    [Fact]
    public async Task ATooShortSecretStopsTheStartWithoutRevealingIt()
    {
        await using var scope = database.Anonymous();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Get<BootstrapApiKey>().EnsureAsync("short-secret", "admin-a", Ct));

        Assert.DoesNotContain("short-secret", error.Message);
    }
}
