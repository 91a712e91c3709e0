using Wbpm.Domain.Security;
using Wbpm.Tests.Support;
using Wbpm.Web.Components.Layout;

namespace Wbpm.Tests.Web.Components;

/// <summary>The navigation markup each role gets: entries only for permissions held and pages that exist.</summary>
public sealed class NavMenuTests
{
    [Fact]
    public async Task AdminSeesTheAdministrationSection()
    {
        var html = await ComponentRenderer.RenderAsync<NavMenu>(TestPrincipals.With("acme", "u1", Role.Admin));
        foreach (var entry in new[] { "Home", "Administration", "Users", "Groups", "Roles", "Tenants", "Audit log", "API keys" })
            Assert.Contains($">{entry}<", html);
        Assert.Contains("href=\"/admin/users\"", html);
    }

    [Theory]
    [InlineData(Role.Designer)]
    [InlineData(Role.Operator)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.User)]
    public async Task NonAdminRolesDoNotSeeAdministration(string role)
    {
        var html = await ComponentRenderer.RenderAsync<NavMenu>(TestPrincipals.With("acme", "u1", role));
        Assert.Contains(">Home<", html);
        Assert.DoesNotContain("Administration", html);
        Assert.DoesNotContain("/admin/", html);
    }

    [Fact]
    public async Task AnAdminWithoutATenantGetsNoAdministration()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "x"), new(System.Security.Claims.ClaimTypes.Role, Role.Admin)], "Test"));
        var html = await ComponentRenderer.RenderAsync<NavMenu>(principal);
        Assert.DoesNotContain("Administration", html);
    }

    [Fact]
    public async Task AnonymousVisitorsGetNoNavigation()
    {
        var html = await ComponentRenderer.RenderAsync<NavMenu>(new System.Security.Claims.ClaimsPrincipal());
        Assert.DoesNotContain("Home", html);
    }
}
