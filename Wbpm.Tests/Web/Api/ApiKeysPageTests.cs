using System.Net;
using Wbpm.Infrastructure.Seeding;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web.Api;

/// <summary>The API keys admin page, prerendered over real HTTP: admins see keys (never secrets), others are turned away.</summary>
public sealed class ApiKeysPageTests(ApiKeyAppFactory factory) : IClassFixture<ApiKeyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminSeesTheBootstrapKeyByPrefixButNeverItsSecret()
    {
        var browser = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(browser, "admin", WbpmAppFactory.DemoPassword);

        var response = await browser.GetAsync("/admin/api-keys", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>API keys</h1>", html);
        Assert.Contains(BootstrapApiKey.KeyName, html);
        Assert.Contains(ApiKeyAppFactory.AdminKey[..12], html);
        Assert.DoesNotContain(ApiKeyAppFactory.AdminKey, html);
    }

    [Fact]
    public async Task NonAdminsAreSentToAccessDenied()
    {
        var browser = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(browser, "designer", WbpmAppFactory.DemoPassword);

        var response = await browser.GetAsync("/admin/api-keys", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
    }
}
