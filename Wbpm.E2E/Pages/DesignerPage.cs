using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>
/// The designer (/processes/{id}/design): the bpmn-js canvas driven through its palette and context pad like a person
/// would, the properties panel by its labels, the problems list, the save status and the conflict dialog.
/// </summary>
public sealed class DesignerPage(IPage page)
{
    public ILocator Canvas => page.Locator("[data-testid=canvas]");
    public ILocator SaveStatus => page.Locator("[data-testid=save-status]");
    public ILocator ConflictDialog => page.Locator("[data-testid=conflict-dialog]");
    public ILocator Presence => page.Locator("[data-testid=presence]");
    public ILocator Issues => page.Locator("[data-testid=issue-list] li");
    public ILocator Minimap => page.Locator(".djs-minimap");

    public async Task WaitUntilReadyAsync()
    {
        await Shell.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=canvas][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
    }

    public ILocator Element(string id) => page.Locator($".djs-element[data-element-id='{id}']");

    /// <summary>
    /// Selects an element by clicking it and waits until the properties panel shows it. bpmn-js can still be finishing
    /// the previous tool (connect, create) and swallow the click, as a person would see and click again: so do we.
    /// </summary>
    public async Task ClickElementAsync(string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Element(id).Locator(".djs-hit").First.ClickAsync(new() { Force = true });
            try
            {
                await Assertions.Expect(page.Locator("#prop-id")).ToHaveValueAsync(id, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Context pad entry of the selected element, e.g. "append.append-task", "append.gateway", "append.end-event", "replace".</summary>
    public Task ContextPadAsync(string action) => page.Locator($".djs-context-pad .entry[data-action='{action}']").ClickAsync();

    /// <summary>Picks a palette tool ("create.end-event", ...) and drops the new element at canvas coordinates.</summary>
    public async Task CreateFromPaletteAsync(string action, float x, float y)
    {
        await page.Locator($".djs-palette .entry[data-action='{action}']").ClickAsync();
        var box = (await Canvas.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + x, box.Y + y);
    }

    /// <summary>Replaces the selected element through the context pad's wrench menu (e.g. "replace-with-user-task").</summary>
    public async Task ReplaceWithAsync(string entryId)
    {
        await ContextPadAsync("replace");
        await page.Locator($".djs-popup [data-id='{entryId}']").ClickAsync();
    }

    /// <summary>
    /// Waits until the properties panel shows a <paramref name="typeLabel"/> ("User task") other than
    /// <paramref name="previousId"/>, and returns its id: the panel follows the canvas selection asynchronously.
    /// </summary>
    public async Task<string> SelectedIdAsync(string typeLabel, string? previousId = null)
    {
        var heading = page.Locator("[data-testid=properties-panel] h2").First;
        await Assertions.Expect(heading).ToContainTextAsync(typeLabel);
        if (previousId is not null)
            await Assertions.Expect(page.Locator("#prop-id")).Not.ToHaveValueAsync(previousId);
        return await page.Locator("#prop-id").InputValueAsync();
    }

    public Task<string> SelectedTypeAsync() => page.Locator("[data-testid=properties-panel] h2").First.InnerTextAsync();

    public async Task SetFieldAsync(string label, string value)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>Ticks a Radzen check box of the panel (its real input is hidden; the box is what a person clicks).</summary>
    public async Task CheckAsync(string label)
    {
        var input = page.GetByLabel(label, new() { Exact = false });
        var id = await input.GetAttributeAsync("id");
        await page.Locator($".rz-chkbox:has(#{id}) .rz-chkbox-box").ClickAsync();
        await Assertions.Expect(input).ToBeCheckedAsync();
    }

    public async Task SelectIssueAsync(string containing) =>
        await Issues.Filter(new() { HasText = containing }).First.GetByRole(AriaRole.Button).ClickAsync();

    public async Task SaveAsync()
    {
        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(SaveStatus).ToHaveTextAsync(new Regex("^(Saved at|Not saved)"));
    }

    /// <summary>Picks an entry of the Export split button and returns the file the browser downloaded.</summary>
    public async Task<(string Name, byte[] Content)> ExportAsync(string entry)
    {
        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.Locator("[aria-label=Export] .rz-splitbutton-menubutton").ClickAsync();
            await page.Locator(".rz-splitbutton-menu").GetByText(entry, new() { Exact = true }).ClickAsync();
        });
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    public Task<string> IssueTextAsync() => page.Locator("[data-testid=issue-list]").InnerTextAsync();

    /// <summary>Deploys with a comment and waits for the confirmation naming the new version.</summary>
    public async Task DeployAsync(string comment, int expectedVersion)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy", Exact = true }).ClickAsync();
        var dialog = await RadzenControls.OpenedDialogAsync(page);
        await dialog.GetByLabel("Comment").FillAsync(comment);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deploy", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText($"is now version {expectedVersion}.")).ToBeVisibleAsync();
    }

    public async Task<ILocator> OpenVersionsAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Versions", Exact = true }).ClickAsync();
        var grid = page.Locator("[data-testid=versions-grid]");
        await grid.WaitForAsync();
        return grid;
    }

    /// <summary>Fills an input of the panel by its id (list editors repeat their labels: "Key (variable)", "Label").</summary>
    public async Task SetByIdAsync(string id, string value)
    {
        var field = page.Locator($"#{id}");
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>Opens the Radzen drop-down whose input has <paramref name="id"/> and picks the option with that text.</summary>
    public Task ChooseAsync(string id, string option) => RadzenControls.ChooseAsync(page, page.Locator($".rz-dropdown:has(#{id})"), option);

    public ILocator FormFields => page.Locator("[data-testid=form-field]");
    public ILocator FormOutcomes => page.Locator("[data-testid=form-outcome]");

    /// <summary>The draft id from the designer's address (/processes/{id}/design).</summary>
    public string DraftId => new Uri(page.Url).AbsolutePath.Split('/')[2];
}
