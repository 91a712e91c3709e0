using Microsoft.Playwright;

namespace Wbpm.E2E.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download). Collects console errors
/// so journeys can assert there are none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BrowserSession> LaunchAsync()
    {
        // Expectations retry until this timeout; a loaded two-core CI machine needs more than the 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("WBPM_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A fresh browser context (its own cookies) with console-error collection.</summary>
    public async Task<UserPage> NewPageAsync(string baseUrl)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        // Generous: CI machines have two cores and Blazor circuits start slower under load; tests still fail on behaviour.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        var userPage = new UserPage(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                userPage.ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => userPage.ConsoleErrors.Add(error);
        return userPage;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}

public sealed class UserPage(IPage page)
{
    public IPage Page { get; } = page;
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Saves a screenshot when WBPM_E2E_SCREENSHOTS names a folder (for looking at pages by eye).</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("WBPM_E2E_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
            return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
