using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>An admin onboards a colleague: creates the account, gives a role, and the colleague signs in.</summary>
public sealed class AdminJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AdminCreatesAUserGivesARoleAndTheNewUserSignsIn()
    {
        var admin = await app.SignInAsync("admin");
        var users = new UsersAdminPage(admin.Page);
        await users.OpenAsync();
        await users.CreateUserAsync("dora", "Dora Designer", "dora@acme.example", "Dora-Passw0rd");
        await users.SearchAsync("dora");
        await users.GiveRoleAsync("dora", "Designer");
        await admin.ScreenshotAsync("admin-users");
        Assert.Empty(admin.ConsoleErrors);

        var dora = await app.NewPageAsync();
        await new LoginPage(dora.Page).SignInAsync("dora", "Dora-Passw0rd");
        await Assertions.Expect(dora.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Dora Designer");
        await Assertions.Expect(dora.Page.GetByText("with your roles (Designer)")).ToBeVisibleAsync();
        Assert.DoesNotContain("Administration", await new Shell(dora.Page).NavigationEntriesAsync());
    }

    [Fact]
    public async Task ADisabledUserLosesAnOpenPageWithoutReloading()
    {
        var admin = await app.SignInAsync("admin");
        var users = new UsersAdminPage(admin.Page);
        await users.OpenAsync();
        await users.CreateUserAsync("eve", "Eve Employee", "eve@acme.example", "Eve-Passw0rd1");

        var eve = await app.NewPageAsync();
        await new LoginPage(eve.Page).SignInAsync("eve", "Eve-Passw0rd1");
        await eve.Page.GotoAsync("/Account/Manage");
        await Shell.WaitUntilInteractiveAsync(eve.Page);
        await Assertions.Expect(eve.Page.GetByTestId("profile-username")).ToHaveTextAsync("eve");

        await users.SearchAsync("eve");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Disable eve" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Assertions.Expect(users.Row("eve")).ToContainTextAsync("Disabled");

        // The open page is revalidated (5 s here, 1 minute in production) and sends eve to the login page.
        await eve.Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task EveryAdminPageOpensWithoutConsoleErrors()
    {
        var admin = await app.SignInAsync("admin");
        foreach (var (path, heading) in new[] { ("/admin/users", "Users"), ("/admin/groups", "Groups"), ("/admin/roles", "Roles"), ("/admin/tenants", "Tenants"), ("/admin/audit", "Audit log") })
        {
            await admin.Page.GotoAsync(path);
            await Shell.WaitUntilInteractiveAsync(admin.Page);
            await Assertions.Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await admin.ScreenshotAsync("admin" + path.Replace('/', '-'));
        }
        Assert.Empty(admin.ConsoleErrors);
    }
}
