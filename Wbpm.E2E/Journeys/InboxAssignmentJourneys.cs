using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>Issue #6: a team lead (task.manage) assigns a task from the inbox by picking a person; it lands in their list.</summary>
public sealed class InboxAssignmentJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ATeamLeadAssignsATaskToAPickedPersonAndItIsInTheirList()
    {
        var alice = await app.SignInAsync("alice");
        await LeaveRequests.StartAsync(alice.Page, "AS-PICK-1", days: 3);

        var lead = await app.SignInAsync("operator");
        var inbox = new InboxPage(lead.Page);
        await inbox.OpenAsync();
        await inbox.ShowAsync("All");
        await inbox.FilterAsync("Business key", "AS-PICK-1");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(1);

        await inbox.Row("AS-PICK-1").GetByRole(AriaRole.Button, new() { NameRegex = new("^Assign ") }).ClickAsync();
        var dialog = await RadzenControls.OpenedDialogAsync(lead.Page);
        await dialog.Locator(".rz-dropdown").ClickAsync();
        // The tenant's people are offered by display name; typing filters them.
        await lead.Page.Locator(".rz-dropdown-panel:visible input.rz-dropdown-filter").FillAsync("car");
        await lead.Page.Locator(".rz-dropdown-panel:visible").GetByRole(AriaRole.Option, new() { NameRegex = new("carol") }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(inbox.Row("AS-PICK-1")).ToContainTextAsync("carol");

        var carol = await app.SignInAsync("carol");
        var carolInbox = new InboxPage(carol.Page);
        await carolInbox.OpenAsync();
        await carolInbox.ShowAsync("Mine");
        await Assertions.Expect(carolInbox.Row("AS-PICK-1")).ToBeVisibleAsync();
        await lead.ScreenshotAsync("inbox-assigned");
        Assert.Empty(lead.ConsoleErrors);
        Assert.Empty(carol.ConsoleErrors);
    }

    [Fact]
    public async Task ATeamLeadAssignsTwoSelectedTasksAtOnce()
    {
        var alice = await app.SignInAsync("alice");
        await LeaveRequests.StartAsync(alice.Page, "AS-BULK-1", days: 2);
        await LeaveRequests.StartAsync(alice.Page, "AS-BULK-2", days: 2);

        var lead = await app.SignInAsync("operator");
        var inbox = new InboxPage(lead.Page);
        await inbox.OpenAsync();
        await inbox.ShowAsync("All");
        await inbox.FilterAsync("Business key", "AS-BULK-");
        await Assertions.Expect(inbox.Rows).ToHaveCountAsync(2);

        await lead.Page.GetByLabel("Select all tasks on this page").CheckAsync();
        await lead.Page.GetByRole(AriaRole.Button, new() { Name = "Assign selected…" }).ClickAsync();
        var dialog = await RadzenControls.OpenedDialogAsync(lead.Page);
        await dialog.Locator(".rz-dropdown").ClickAsync();
        await lead.Page.Locator(".rz-dropdown-panel:visible").GetByRole(AriaRole.Option, new() { NameRegex = new("carol") }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();

        await Assertions.Expect(lead.Page.GetByText("Assigned 2 tasks")).ToBeVisibleAsync();
        await Assertions.Expect(inbox.Row("AS-BULK-1")).ToContainTextAsync("carol");
        await Assertions.Expect(inbox.Row("AS-BULK-2")).ToContainTextAsync("carol");
        Assert.Empty(lead.ConsoleErrors);
    }
}
