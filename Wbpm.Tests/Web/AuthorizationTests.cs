using System.Net;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>Unauthorised access gets 401/403 (API) or the login/access-denied page, never data.</summary>
public sealed class AuthorizationTests(WbpmAppFactory factory) : IClassFixture<WbpmAppFactory>
{
    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/admin/users")]
    public async Task AnonymousApiCallsGet401ProblemDetails(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("designer")]
    [InlineData("operator")]
    [InlineData("alice")]
    public async Task NonAdminsGet403FromAdminApi(string userName)
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, userName, WbpmAppFactory.DemoPassword);
        var response = await client.GetAsync("/api/v1/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("alice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminReadsTheUsersOfTheirTenant()
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "admin", WbpmAppFactory.DemoPassword);
        var response = await client.GetAsync("/api/v1/admin/users?take=50");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"alice\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnonymousPageRequestsRedirectToTheLoginPage()
    {
        var response = await factory.CreateBrowserClient().GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task NonAdminPageRequestsGoToAccessDenied()
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "viewer", WbpmAppFactory.DemoPassword);
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task HealthEndpointsAnswerWithoutSignIn()
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        var document = await factory.CreateBrowserClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/me", document);
    }
}
