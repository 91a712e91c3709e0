using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>The sign-in page, by its labels and roles.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Account/Login");

    public async Task SubmitAsync(string userName, string password)
    {
        await page.GetByLabel("User name or email").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in and waits until the home page is interactive (Blazor circuit connected).</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await OpenAsync();
        await SubmitAsync(userName, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await Shell.WaitUntilInteractiveAsync(page);
    }

    public ILocator Alert => page.GetByRole(AriaRole.Alert);
}
