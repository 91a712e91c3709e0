using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>Each demo role signs in and sees its own navigation; lockout; log out.</summary>
public sealed class SignInJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("admin", true)]
    [InlineData("designer", false)]
    [InlineData("operator", false)]
    [InlineData("viewer", false)]
    [InlineData("alice", false)]
    public async Task EachDemoRoleSignsInAndSeesItsNavigation(string userName, bool seesAdministration)
    {
        var user = await app.NewPageAsync();
        await new LoginPage(user.Page).SignInAsync(userName, AppServer.DemoPassword);
        var shell = new Shell(user.Page);

        await Assertions.Expect(shell.TenantName).ToHaveTextAsync("Acme");
        await Assertions.Expect(user.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
        var entries = await shell.NavigationEntriesAsync();
        Assert.Contains("Home", entries);
        Assert.Equal(seesAdministration, entries.Contains("Administration"));
        Assert.Equal(seesAdministration, entries.Contains("Users"));
        await user.ScreenshotAsync($"home-{userName}");
        Assert.Empty(user.ConsoleErrors);
    }

    [Fact]
    public async Task FiveWrongPasswordsShowTheLockoutMessage()
    {
        var user = await app.NewPageAsync();
        var login = new LoginPage(user.Page);
        await login.OpenAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SubmitAsync("carol", "Wrong-Passw0rd");
            await Assertions.Expect(login.Alert).ToHaveTextAsync("The user name or password is wrong.");
        }
        await login.SubmitAsync("carol", "Wrong-Passw0rd");
        await Assertions.Expect(login.Alert).ToContainTextAsync("locked after too many failed sign-ins");

        await login.SubmitAsync("carol", AppServer.DemoPassword);
        await Assertions.Expect(login.Alert).ToContainTextAsync("Try again in 15 minutes");
        await user.ScreenshotAsync("login-locked");
    }

    [Fact]
    public async Task LoggingOutReturnsToTheLoginPageAndEndsTheSession()
    {
        var user = await app.NewPageAsync();
        await new LoginPage(user.Page).SignInAsync("bob", AppServer.DemoPassword);
        await new Shell(user.Page).LogOutAsync();
        await Assertions.Expect(user.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have been signed out.");

        await user.Page.GotoAsync("/");
        await user.Page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
