using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Wbpm.Infrastructure.Administration;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>With demo data off, the first admin comes from Wbpm:Bootstrap and nothing else exists.</summary>
public sealed class FirstRunTests(FirstRunTests.Factory factory) : IClassFixture<FirstRunTests.Factory>
{
    public sealed class Factory : WbpmAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            .. base.Settings.Where(s => !s.Key.StartsWith("Wbpm:Demo", StringComparison.Ordinal)),
            new("Wbpm:Demo:Enabled", "false"),
            new("Wbpm:Bootstrap:AdminEmail", "root@globex.example"),
            new("Wbpm:Bootstrap:AdminPassword", "Bootstrap-Passw0rd"),
            new("Wbpm:Bootstrap:TenantName", "Globex"),
        ];
    }

    [Fact]
    public async Task TheBootstrapAdminSignsInToTheBootstrapTenant()
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "root@globex.example", "Bootstrap-Passw0rd");
        var me = await client.GetFromJsonAsync<MyProfile>("/api/v1/me");
        Assert.Equal("Globex", me!.TenantName);
        Assert.Contains(Wbpm.Domain.Security.Permission.AdminSystem, me.Permissions);
    }

    [Fact]
    public async Task NoDemoUsersExistWhenDemoDataIsOff()
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "admin", WbpmAppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordKeepsThisSessionAndTheNewPasswordWorks()
    {
        var admin = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(admin, "root@globex.example", "Bootstrap-Passw0rd");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { userName = "frank", displayName = "Frank", password = "Frank-Passw0rd", roles = new[] { "User" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "frank", "Frank-Passw0rd");
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = "Frank-Passw0rd",
            ["Input.NewPassword"] = "Changed-Passw0rd",
            ["Input.ConfirmPassword"] = "Changed-Passw0rd",
        }));
        Assert.Contains("Your password has been changed.", await response.Content.ReadAsStringAsync());
        Assert.True(await WbpmAppFactory.IsSignedInAsync(client));

        var other = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(other, "frank", "Changed-Passw0rd");
        Assert.True(await WbpmAppFactory.IsSignedInAsync(other));
    }
}
