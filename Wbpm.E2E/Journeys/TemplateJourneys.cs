using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>A designer starts a process from a built-in template with their own parameters.</summary>
public sealed class TemplateJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ADesignerCreatesALeaveRequestFromTheTemplateAndItOpensInTheDesigner()
    {
        var user = await app.NewPageAsync();
        var page = user.Page;
        await new LoginPage(page).SignInAsync("designer", AppServer.DemoPassword);
        var processes = new ProcessesPage(page);
        await processes.OpenAsync();
        var gallery = new TemplateGalleryDialog(page);

        await gallery.OpenAsync();
        await Assertions.Expect(gallery.Cards.Nth(14)).ToBeVisibleAsync(); // at least the 15 built-in templates
        await gallery.SearchAsync("leave");
        await Assertions.Expect(gallery.Cards).ToHaveCountAsync(1);
        await gallery.UseAsync("Leave request");
        await gallery.FillAsync("Process name", "Leave request Sales");
        await gallery.FillAsync("Approval SLA (hours)", "abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=template-form] [role=alert]")).ToContainTextAsync("whole number of hours");
        await gallery.FillAsync("Approval SLA (hours)", "12");
        await gallery.FillAsync("Approver group", "sales-leads");
        await gallery.CreateAsync();

        var designer = new DesignerPage(page);
        await designer.WaitUntilReadyAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Leave request Sales");
        foreach (var id in new[] { "start", "approve", "approved", "long", "hrConfirm", "record", "end", "endRejected" })
            await Assertions.Expect(designer.Element(id)).ToHaveCountAsync(1);
        await Assertions.Expect(designer.Element("approve")).ToContainTextAsync("Approve leave");
        await designer.ClickElementAsync("approve");
        await Assertions.Expect(page.Locator("[data-testid=properties-panel]")).ToContainTextAsync("User task");
        await Assertions.Expect(designer.Issues.Filter(new() { HasText = "error" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=save-as-template]")).ToBeVisibleAsync();
        await user.ScreenshotAsync("designer-from-template");
        Assert.Empty(user.ConsoleErrors);
    }
}
