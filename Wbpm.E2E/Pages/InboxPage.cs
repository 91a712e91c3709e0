using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>The task inbox (/inbox): views with counts, filters, saved filters, the task grid and its row actions.</summary>
public sealed class InboxPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/inbox");
        await Shell.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=inbox-grid]").WaitForAsync();
    }

    /// <summary>Views by their enum name: Mine, MyGroups, Unassigned, Overdue, DueSoon, CompletedByMe, All.</summary>
    public async Task ShowAsync(string view)
    {
        await page.Locator($"[data-testid=view-{view}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=view-{view}]")).ToHaveAttributeAsync("aria-current", "true");
    }

    public ILocator Count(string view) => page.Locator($"[data-testid=count-{view}]");

    public ILocator Rows => page.Locator("[data-testid=inbox-grid] tbody tr.rz-data-row");

    /// <summary>The grid row of a task, found by any text in it (a business key is unique per request).</summary>
    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });

    public Task ClaimAsync(string rowText) => Row(rowText).GetByRole(AriaRole.Button, new() { NameRegex = new("^Claim ") }).ClickAsync();

    /// <summary>Opens the task of the row through its name link and waits for the task page.</summary>
    public async Task OpenTaskAsync(string rowText)
    {
        await Row(rowText).GetByRole(AriaRole.Link).ClickAsync();
        // Blazor may move to the task page without a full load: wait for the URL, then for the page itself.
        await page.WaitForURLAsync(url => url.Contains("/tasks/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-testid=task-meta]").WaitForAsync();
    }

    /// <summary>Types into a filter text box (applied when typing pauses).</summary>
    public Task FilterAsync(string label, string value) =>
        page.GetByRole(AriaRole.Search).GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public ILocator FilterField(string label) => page.GetByRole(AriaRole.Search).GetByLabel(label, new() { Exact = true });

    /// <summary>Opens a Radzen drop-down labelled by <paramref name="labelId"/> and picks the option with that text.</summary>
    public Task ChooseAsync(string labelId, string option) => RadzenControls.ChooseAsync(page, DropDown(labelId), option);

    public ILocator DropDown(string labelId) => page.Locator($".rz-dropdown[aria-labelledby='{labelId}']");

    public ILocator VariableConditions => page.Locator("[data-testid=variable-conditions] li");

    public ILocator Empty => page.Locator("[data-testid=inbox-empty]");
}
