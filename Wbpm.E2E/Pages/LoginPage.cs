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

    /// <summary>
    /// Signs in and waits until the home page is interactive (Blazor circuit connected). A refused sign-in fails at once
    /// with the page's message instead of a navigation timeout.
    /// </summary>
    public async Task SignInAsync(string userName, string password)
    {
        await OpenAsync();
        await SubmitAsync(userName, password);
        // Whichever comes first: the signed-in layout's interactive marker on the next page, or the login page's error
        // (not the load event of the next page, which also waits for every static file it uses).
        var refusal = page.Locator("[role=alert].wbpm-alert-error");
        await refusal.Or(page.Locator("[data-testid=interactive]")).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (page.Url.Contains("/Account/Login", StringComparison.Ordinal) && await refusal.CountAsync() > 0)
            throw new InvalidOperationException($"Signing in as {userName} was refused: {await refusal.First.InnerTextAsync()}");
        await Shell.WaitUntilInteractiveAsync(page);
    }

    public ILocator Alert => page.GetByRole(AriaRole.Alert);
}
