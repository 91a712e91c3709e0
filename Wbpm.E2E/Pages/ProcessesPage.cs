using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>The processes list (/processes): create, import, open, delete drafts.</summary>
public sealed class ProcessesPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/processes");
        await Shell.WaitUntilInteractiveAsync(page);
    }

    public ILocator EmptyState => page.Locator("[data-testid=processes-empty]");
    public ILocator Error => page.Locator("[data-testid=processes-error]");
    public ILocator Grid => page.Locator("[data-testid=processes-grid]");

    public async Task NewProcessAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New process", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Imports through the file input; on success the designer opens.</summary>
    public Task ChooseFileAsync(string fileName, string content) =>
        page.Locator("#bpmn-import").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(content),
        });
}
