using System.Net;
using System.Net.Http.Json;
using Wbpm.Infrastructure.Administration;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>
/// A page on a sibling origin can make the browser send the session cookie with a form post, but not with JSON or
/// custom headers: cookie-authenticated state changes therefore need JSON or an antiforgery token.
/// </summary>
public sealed class CrossSiteRequestTests(WbpmAppFactory factory) : IClassFixture<WbpmAppFactory>
{
    [Fact]
    public async Task ABodylessCookiePostWithoutATokenChangesNothing()
    {
        var admin = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(admin, "admin", WbpmAppFactory.DemoPassword);
        var carol = (await admin.GetFromJsonAsync<PagedResult<UserSummary>>("/api/v1/admin/users?search=carol"))!.Items.Single();

        var forged = await admin.PostAsync($"/api/v1/admin/users/{carol.Id}/disable", null);
        var formPost = await admin.PostAsync($"/api/v1/admin/users/{carol.Id}/disable", new FormUrlEncodedContent([]));
        var textPost = await admin.PostAsync($"/api/v1/admin/users/{carol.Id}/disable", new StringContent("x"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, formPost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, textPost.StatusCode);
        Assert.False((await admin.GetFromJsonAsync<UserSummary>($"/api/v1/admin/users/{carol.Id}"))!.IsDisabled);
    }

    [Fact]
    public async Task LogoutWithoutTheAntiforgeryTokenDoesNotSignOut()
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "viewer", WbpmAppFactory.DemoPassword);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));
    }
}
