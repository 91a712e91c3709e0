using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>When the server goes away, an open page says so (classic Blazor reconnect UI) instead of freezing.</summary>
public sealed class ReconnectJourneys
{
    [Fact]
    public async Task AnOpenPageShowsTheReconnectMessageWhenTheServerStops()
    {
        await using var browser = await BrowserSession.LaunchAsync();
        var server = new AppServer();
        var user = await browser.NewPageAsync(server.BaseUrl);
        await new LoginPage(user.Page).SignInAsync("viewer", AppServer.DemoPassword);
        var modal = user.Page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).Not.ToBeVisibleAsync();

        await server.DisposeAsync();

        await Assertions.Expect(modal).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Depending on timing the script is still retrying or has given up; either message is visible, not both.
        await Assertions.Expect(modal.Locator("p:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(modal.Locator("p:visible")).ToContainTextAsync(new Regex("Reconnecting|Could not reconnect|session on the server has ended"));
        await user.ScreenshotAsync("reconnect");
    }
}
