using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Identity;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>Sign-in, lockout, disabled users and role changes through the real HTTP pipeline.</summary>
public sealed class AuthenticationTests : IClassFixture<AuthenticationTests.Factory>
{
    /// <summary>Revalidate on every request so a test sees access changes at once (production: one minute).</summary>
    public sealed class Factory : WbpmAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [.. base.Settings, new("Wbpm:Auth:RevalidationInterval", "00:00:00")];
    }

    private readonly Factory _factory;

    public AuthenticationTests(Factory factory) => _factory = factory;

    [Fact]
    public async Task DemoUserSignsInWithTheConfiguredPassword()
    {
        var client = _factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "viewer", WbpmAppFactory.DemoPassword);
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));
        var me = await client.GetFromJsonAsync<MyProfile>("/api/v1/me");
        Assert.Equal("viewer", me!.UserName);
        Assert.Equal("Acme", me.TenantName);
    }

    [Fact]
    public async Task WrongPasswordShowsAClearMessageAndDoesNotSignIn()
    {
        var client = _factory.CreateBrowserClient();
        var response = await WbpmAppFactory.SignInAsync(client, "designer", "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task FiveFailedSignInsLockTheAccountEvenForTheRightPassword()
    {
        var userName = await CreateUserAsync("lockme");
        var client = _factory.CreateBrowserClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Contains("The user name or password is wrong.", await (await WbpmAppFactory.SignInAsync(client, userName, "Wrong-Passw0rd")).Content.ReadAsStringAsync());

        var fifth = await (await WbpmAppFactory.SignInAsync(client, userName, "Wrong-Passw0rd")).Content.ReadAsStringAsync();
        Assert.Contains("locked after too many failed sign-ins", fifth);

        var rightPassword = await WbpmAppFactory.SignInAsync(client, userName, "Right-Passw0rd");
        Assert.False(await WbpmAppFactory.IsSignedInAsync(client));
        Assert.Contains("Try again in 15 minutes", await rightPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADisabledUserLosesAccessOnTheNextRequest()
    {
        var userName = await CreateUserAsync("disableme");
        var client = _factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, userName, "Right-Passw0rd");
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var admin = _factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(admin, "admin", WbpmAppFactory.DemoPassword);
        var id = (await admin.GetFromJsonAsync<PagedResult<UserSummary>>($"/api/v1/admin/users?search={userName}"))!.Items.Single().Id;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{id}/disable", JsonContent.Create(new { }))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        var again = await WbpmAppFactory.SignInAsync(_factory.CreateBrowserClient(), userName, "Right-Passw0rd");
        Assert.Contains("This account is disabled.", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RemovingARoleRemovesItsPermissionsFromAnOpenSession()
    {
        var userName = await CreateUserAsync("demoteme", Wbpm.Domain.Security.Role.Admin);
        var client = _factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, userName, "Right-Passw0rd");
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/users")).StatusCode);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            AsAdmin(scope);
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var id = (await users.ListAsync(new UserQuery(userName))).Items.Single().Id;
            await users.SetRolesAsync(id, [Wbpm.Domain.Security.Role.Viewer]);
        }

        // The security stamp changed: the cookie is rejected, and after signing in again the role is gone.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/admin/users")).StatusCode);
        await WbpmAppFactory.SignInAsync(client, userName, "Right-Passw0rd");
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSiteLax()
    {
        var client = _factory.CreateBrowserClient();
        var response = await WbpmAppFactory.SignInAsync(client, "operator", WbpmAppFactory.DemoPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wbpm.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> CreateUserAsync(string prefix, string role = Wbpm.Domain.Security.Role.User)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await using var scope = _factory.Services.CreateAsyncScope();
        AsAdmin(scope);
        await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(userName, "Test User", null, "Right-Passw0rd", [role], []));
        return userName;
    }

    private static void AsAdmin(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(TestPrincipals.Admin("acme"));
}
