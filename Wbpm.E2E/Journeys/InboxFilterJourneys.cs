using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>Issue #6: a saved filter that is the default and shared with a group; a typed filter on a process variable.</summary>
public sealed class InboxFilterJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ASavedDefaultFilterIsAppliedAfterAReloadAndItsGroupCanUseIt()
    {
        var alice = await app.SignInAsync("alice");
        await LeaveRequests.StartAsync(alice.Page, "SF-SAVED-1", days: 2);
        await LeaveRequests.StartAsync(alice.Page, "SF-OTHER-1", days: 2);

        var bob = await app.SignInAsync("bob");
        var inbox = new InboxPage(bob.Page);
        await inbox.OpenAsync();
        await inbox.ShowAsync("MyGroups");
        await inbox.FilterAsync("Business key", "SF-");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(2);
        await inbox.FilterAsync("Business key", "SF-SAVED");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(inbox.Row("SF-SAVED-1")).ToBeVisibleAsync();

        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Save filter…", Exact = true }).ClickAsync();
        var dialog = await RadzenControls.OpenedDialogAsync(bob.Page);
        await dialog.GetByLabel("Filter name", new() { Exact = true }).FillAsync("Saved leave");
        var isDefault = dialog.GetByLabel("Open the inbox with this filter (my default)");
        var id = await isDefault.GetAttributeAsync("id");
        await dialog.Locator($".rz-chkbox:has([id='{id}']) .rz-chkbox-box").ClickAsync();
        await Assertions.Expect(isDefault).ToBeCheckedAsync();
        await dialog.Locator(".rz-dropdown[aria-labelledby='filter-share-label']").ClickAsync();
        await bob.Page.Locator(".rz-dropdown-panel:visible").GetByRole(AriaRole.Option, new() { Name = "employees", Exact = true }).ClickAsync();
        await bob.ScreenshotAsync("filter-1-save-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save filter", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // A reload opens the inbox with the default filter applied.
        await inbox.OpenAsync();
        await Assertions.Expect(inbox.DropDown("saved-filter-label")).ToContainTextAsync("Saved leave (default) · shared with employees");
        await Assertions.Expect(inbox.FilterField("Business key")).ToHaveValueAsync("SF-SAVED");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(inbox.Row("SF-SAVED-1")).ToBeVisibleAsync();
        await bob.ScreenshotAsync("filter-2-default-applied-after-reload");

        // carol is in employees: she can apply bob's filter, but cannot change or delete it.
        var carol = await app.SignInAsync("carol");
        var carolInbox = new InboxPage(carol.Page);
        await carolInbox.OpenAsync();
        await carolInbox.ChooseAsync("saved-filter-label", "Saved leave · from bob");
        await Assertions.Expect(carolInbox.FilterField("Business key")).ToHaveValueAsync("SF-SAVED");
        await Assertions.Expect(carol.Page.GetByRole(AriaRole.Button, new() { Name = "Delete filter" })).ToHaveCountAsync(0);
        await Assertions.Expect(carolInbox.Empty).ToContainTextAsync("matches these filters");
        await carol.ScreenshotAsync("filter-3-shared-filter-applied");
        Assert.Empty(bob.ConsoleErrors);
        Assert.Empty(carol.ConsoleErrors);
    }

    [Fact]
    public async Task TheInboxFiltersOnANumberVariableOfTheChosenProcess()
    {
        var alice = await app.SignInAsync("alice");
        await LeaveRequests.StartAsync(alice.Page, "LR-VAR-SHORT", days: 3);
        await LeaveRequests.StartAsync(alice.Page, "LR-VAR-LONG", days: 12);

        var bob = await app.SignInAsync("bob");
        var inbox = new InboxPage(bob.Page);
        await inbox.OpenAsync();
        await inbox.ShowAsync("MyGroups");
        await inbox.FilterAsync("Business key", "LR-VAR");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(2);

        await inbox.ChooseAsync("inbox-process-label", LeaveRequests.Process);
        await inbox.ChooseAsync("var-name-label", "days");
        await inbox.ChooseAsync("var-op-label", "≥");
        var value = bob.Page.GetByLabel("Value", new() { Exact = true });
        await value.FillAsync("ten");
        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(bob.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "is not a number" })).ToBeVisibleAsync();
        await Assertions.Expect(inbox.VariableConditions).ToHaveCountAsync(0);

        await value.FillAsync("10");
        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(inbox.VariableConditions).ToHaveCountAsync(1);
        await Assertions.Expect(inbox.VariableConditions.First).ToContainTextAsync("days ≥ 10");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(inbox.Row("LR-VAR-LONG")).ToBeVisibleAsync();
        await bob.ScreenshotAsync("variable-filter-days-at-least-10");

        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Remove condition days ≥ 10" }).ClickAsync();
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(2);
        Assert.Empty(bob.ConsoleErrors);
    }
}
