using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>The layout every signed-in page shares: header, tenant name, user menu, navigation.</summary>
public sealed class Shell(IPage page)
{
    /// <summary>Clicks before the circuit connects are lost; MainLayout renders this marker only when interactive.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation).Or(page.Locator("[data-testid=main-nav]")).First;

    public ILocator TenantName => page.Locator("[data-testid=tenant-name]");

    public async Task<IReadOnlyList<string>> NavigationEntriesAsync()
    {
        var items = page.Locator("[data-testid=main-nav] .rz-navigation-item-text");
        await items.First.WaitForAsync();
        return (await items.AllInnerTextsAsync()).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
    }

    public async Task LogOutAsync()
    {
        await page.Locator("[data-testid=user-menu]").ClickAsync();
        await page.GetByText("Log out", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
