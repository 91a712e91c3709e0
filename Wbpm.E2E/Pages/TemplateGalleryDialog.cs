using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>The "New from template" dialog of the processes page: gallery, then the parameter form.</summary>
public sealed class TemplateGalleryDialog(IPage page)
{
    public ILocator Cards => page.Locator("[data-testid=template-card]");

    public async Task OpenAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New from template", Exact = true }).ClickAsync();
        await RadzenControls.OpenedDialogAsync(page);
    }

    public Task SearchAsync(string text) => page.GetByLabel("Search templates").FillAsync(text);

    public Task UseAsync(string templateName) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Use template {templateName}", Exact = true }).ClickAsync();

    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task CreateAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }
}
