using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>Demo users have a published password: outside Development they are not created without an opt-in.</summary>
public sealed class DemoDataTests
{
    private sealed class ProductionWithDemoEnabled : WbpmAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task DemoUsersAreNotCreatedInProductionEvenWhenEnabled()
    {
        using var factory = new ProductionWithDemoEnabled();
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "admin", WbpmAppFactory.DemoPassword);
        Assert.False(await WbpmAppFactory.IsSignedInAsync(client));
    }

    [Fact]
    public async Task AnEmailSharedByTwoAccountsDoesNotSignInButUserNamesStillDo()
    {
        using var factory = new WbpmAppFactory();
        var admin = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(admin, "admin", WbpmAppFactory.DemoPassword);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { userName = "mallory", displayName = "Mallory", email = "admin@acme.example", password = "Mallory-Passw0rd", roles = new[] { "User" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var byEmail = factory.CreateBrowserClient();
        var response = await WbpmAppFactory.SignInAsync(byEmail, "admin@acme.example", WbpmAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", await response.Content.ReadAsStringAsync());

        var byName = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(byName, "admin", WbpmAppFactory.DemoPassword);
        Assert.True(await WbpmAppFactory.IsSignedInAsync(byName));
    }

    [Fact]
    public async Task AUniqueEmailSignsIn()
    {
        using var factory = new WbpmAppFactory();
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "bob@acme.example", WbpmAppFactory.DemoPassword);
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));
    }
}
