using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>Administration / Users: the grid, the new-user dialog and the roles-and-groups dialog.</summary>
public sealed class UsersAdminPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/admin/users");
        await Shell.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
    }

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public async Task CreateUserAsync(string userName, string displayName, string email, string password)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        await RadzenControls.OpenedDialogAsync(page);
        await Dialog.GetByLabel("User name", new() { Exact = true }).FillAsync(userName);
        await Dialog.GetByLabel("Display name", new() { Exact = true }).FillAsync(displayName);
        await Dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Dialog.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await DialogClosedAsync("creating " + userName);
    }

    /// <summary>
    /// The dialog closes once the server saved (an account's password is hashed first, slow on a loaded 2-core CI
    /// machine: the navigation timeout, not the 15 s default). Still open: fail with what the dialog says.
    /// </summary>
    private async Task DialogClosedAsync(string what)
    {
        try
        {
            await Assertions.Expect(Dialog).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            var shown = await Dialog.AllInnerTextsAsync();
            throw new InvalidOperationException($"The dialog stayed open after {what}; it shows: {string.Join(" | ", shown)}", e);
        }
    }

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("Search users").FillAsync(text);
        // The grid reloads 300 ms after the last keystroke: until then the matching row may already show among others,
        // and a click on it could land while the reload re-renders the rows. Wait for the filtered grid.
        await Assertions.Expect(page.Locator("[data-testid=users-grid] tbody tr").Filter(new() { HasNotText = text })).ToHaveCountAsync(0);
        await Assertions.Expect(Row(text)).ToBeVisibleAsync();
    }

    public ILocator Row(string userName) =>
        page.Locator("[data-testid=users-grid] tbody tr").Filter(new() { HasText = userName });

    public async Task GiveRoleAsync(string userName, string role)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Roles and groups of {userName}" }).ClickAsync();
        await RadzenControls.OpenedDialogAsync(page);
        await Dialog.GetByText(role + " —").ClickAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await DialogClosedAsync($"saving the roles of {userName}");
        await Assertions.Expect(Row(userName)).ToContainTextAsync(role);
    }
}
