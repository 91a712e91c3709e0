using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>A designer builds a task form that survives a reload; deploys twice, compares the versions, views an old one.</summary>
public sealed class DesignerFormAndVersionJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ADesignerBuildsAFormWithTwoFieldsAndAnOutcomeAndItIsStillThereAfterAReload()
    {
        var user = await app.SignInAsync("designer");
        var page = user.Page;
        var processes = new ProcessesPage(page);
        await processes.OpenAsync();
        await processes.NewProcessAsync();
        var designer = new DesignerPage(page);
        await designer.WaitUntilReadyAsync();
        var designUrl = page.Url;

        await designer.ClickElementAsync("StartEvent_1");
        await designer.ContextPadAsync("append.append-task");
        await designer.ReplaceWithAsync("replace-with-user-task");
        var task = await designer.SelectedIdAsync("User task");

        await page.Locator("[data-testid=form-add-field]").ClickAsync();
        await designer.SetByIdAsync("form-field-0-key", "reason");
        await designer.SetByIdAsync("form-field-0-label", "Reason");
        await page.Locator("[data-testid=form-add-field]").ClickAsync();
        // A duplicate key is refused next to the field, and nothing is written until it is fixed.
        await designer.SetByIdAsync("form-field-1-key", "reason");
        await Assertions.Expect(page.Locator("[data-testid=form-builder]")).ToContainTextAsync("Another field already uses the key 'reason'.");
        await designer.SetByIdAsync("form-field-1-key", "days");
        await designer.SetByIdAsync("form-field-1-label", "Days");
        await designer.ChooseAsync("form-field-1-type", "Number");
        await designer.SetByIdAsync("form-field-1-min", "5");
        await designer.SetByIdAsync("form-field-1-max", "1");
        await Assertions.Expect(page.Locator("[data-testid=form-builder]")).ToContainTextAsync("The maximum is smaller than the minimum.");
        await designer.SetByIdAsync("form-field-1-max", "30");
        await Assertions.Expect(page.Locator("[data-testid=form-problems]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=form-add-outcome]").ClickAsync();
        await designer.SetByIdAsync("form-outcome-0-label", "Approve");

        await designer.SaveAsync();
        await Assertions.Expect(designer.SaveStatus).ToContainTextAsync("Saved at");

        await page.GotoAsync(designUrl);
        await designer.WaitUntilReadyAsync();
        await designer.ClickElementAsync(task);
        await Assertions.Expect(designer.FormFields).ToHaveCountAsync(2);
        await Assertions.Expect(designer.FormFields.Nth(0)).ToContainTextAsync("Reason");
        await Assertions.Expect(designer.FormFields.Nth(1)).ToContainTextAsync("days · Number");
        await Assertions.Expect(page.Locator("#form-outcome-0-label")).ToHaveValueAsync("Approve");
        await user.ScreenshotAsync("designer-form-builder");

        var draft = await page.Context.APIRequest.GetAsync($"/api/v1/process-drafts/{designer.DraftId}");
        var xml = (await draft.JsonAsync())!.Value.GetProperty("xml").GetString()!;
        Assert.Contains("<wbpm:formDefinition>", xml);
        Assert.Matches(new Regex("<wbpm:field key=\"reason\" label=\"Reason\" />"), xml);
        Assert.Matches(new Regex("<wbpm:field key=\"days\" label=\"Days\" type=\"number\" min=\"5\" max=\"30\" />"), xml);
        Assert.Matches(new Regex("<wbpm:outcome label=\"Approve\" variable=\"approved\" value=\"true\" />"), xml);
        Assert.Empty(user.ConsoleErrors);
    }

    [Fact]
    public async Task ADesignerDeploysTwoVersionsComparesThemAndOpensTheOldOneReadOnly()
    {
        var user = await app.SignInAsync("designer");
        var page = user.Page;
        var processes = new ProcessesPage(page);
        await processes.OpenAsync();
        await processes.NewProcessAsync();
        var designer = new DesignerPage(page);
        await designer.WaitUntilReadyAsync();

        await designer.ClickElementAsync("StartEvent_1");
        await designer.ContextPadAsync("append.append-task");
        var task = await designer.SelectedIdAsync("Task");
        await designer.SetFieldAsync("Name", "Check order");
        await designer.ContextPadAsync("append.end-event");
        await designer.SelectedIdAsync("End event");
        await designer.DeployAsync("First version", expectedVersion: 1);

        await designer.ClickElementAsync(task);
        await designer.SelectedIdAsync("Task");
        await designer.SetFieldAsync("Name", "Check order twice");
        await designer.DeployAsync("Renamed the check", expectedVersion: 2);

        var versions = await designer.OpenVersionsAsync();
        await Assertions.Expect(versions.Locator("tbody tr")).ToHaveCountAsync(2);
        await versions.GetByRole(AriaRole.Button, new() { Name = "Compare version 2 with version 1" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/compare/"), new() { WaitUntil = WaitUntilState.Commit });
        await Shell.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=compare-to-canvas][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        var changes = page.Locator("[data-testid=diff-list]");
        await Assertions.Expect(changes).ToContainTextAsync("Check order twice");
        await Assertions.Expect(changes).ToContainTextAsync("name: 'Check order' → 'Check order twice'");
        await Assertions.Expect(page.Locator($"[data-testid=compare-to-canvas] .djs-element[data-element-id='{task}']"))
            .ToHaveClassAsync(new Regex("wbpm-diff-changed"));
        await Assertions.Expect(page.Locator($"[data-testid=compare-from-canvas] .djs-element[data-element-id='{task}']"))
            .ToHaveClassAsync(new Regex("wbpm-diff-changed"));
        await user.ScreenshotAsync("designer-compare-versions");

        await page.GetByRole(AriaRole.Button, new() { Name = "Back to the designer" }).ClickAsync();
        await designer.WaitUntilReadyAsync();
        versions = await designer.OpenVersionsAsync();
        await versions.GetByRole(AriaRole.Button, new() { Name = "View version 1 read-only" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/versions/"), new() { WaitUntil = WaitUntilState.Commit });
        await Shell.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=version-canvas][data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=version-title]")).ToHaveTextAsync("Version 1 (read-only)");
        await Assertions.Expect(page.Locator($"[data-testid=version-canvas] .djs-element[data-element-id='{task}']")).ToContainTextAsync("Check order");
        // A viewer, not a modeler: no palette, no context pad.
        await Assertions.Expect(page.Locator(".djs-palette")).ToHaveCountAsync(0);
        await page.Locator($"[data-testid=version-canvas] .djs-element[data-element-id='{task}'] .djs-hit").First.ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator(".djs-context-pad .entry")).ToHaveCountAsync(0);
        await user.ScreenshotAsync("designer-version-read-only");
        Assert.Empty(user.ConsoleErrors);
    }
}
