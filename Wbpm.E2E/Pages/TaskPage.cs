using Microsoft.Playwright;

namespace Wbpm.E2E.Pages;

/// <summary>One task (/tasks/{id}): its form and outcome buttons, claim, comments, history, conflict and confirmation.</summary>
public sealed class TaskPage(IPage page)
{
    public ILocator Form => page.Locator("[data-testid=form-view]");
    public ILocator State => page.Locator("[data-testid=task-state]");
    public ILocator Assignee => page.Locator("[data-testid=task-assignee]");
    public ILocator Confirmation => page.Locator("[data-testid=task-confirmation]");
    public ILocator CompletedNote => page.Locator("[data-testid=task-completed]");
    public ILocator Conflict => page.Locator("[data-testid=task-conflict]");
    public ILocator Comments => page.Locator("[data-testid=comments] li");
    public ILocator History => page.Locator("[data-testid=task-history] li");
    public ILocator Diagram => page.Locator("[data-testid=task-diagram]");

    public async Task OpenAsync(string taskId)
    {
        await page.GotoAsync($"/tasks/{taskId}");
        await Shell.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=task-meta]").WaitForAsync();
    }

    public string TaskId => new Uri(page.Url).AbsolutePath.Split('/')[2];

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task ClaimAsync()
    {
        await Button("Claim").ClickAsync();
        await Assertions.Expect(Button("Unclaim")).ToBeVisibleAsync();
    }

    public ILocator Field(string label) => Form.GetByLabel(label, new() { Exact = true });

    public async Task FillAsync(string label, string value)
    {
        await Field(label).FillAsync(value);
        await Field(label).PressAsync("Tab");
    }

    /// <summary>Ticks a Radzen check box of the form (its real input is hidden; the box is what a person clicks).</summary>
    public async Task CheckAsync(string label)
    {
        var input = Field(label);
        var id = await input.GetAttributeAsync("id");
        await page.Locator($".rz-chkbox:has([id='{id}']) .rz-chkbox-box").ClickAsync();
        await Assertions.Expect(input).ToBeCheckedAsync();
    }

    public async Task CommentAsync(string text)
    {
        var count = await Comments.CountAsync();
        await page.GetByLabel("Add a comment", new() { Exact = true }).FillAsync(text);
        await Button("Add comment").ClickAsync();
        await Assertions.Expect(Comments).ToHaveCountAsync(count + 1);
    }
}
