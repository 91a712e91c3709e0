using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>A designer starts a process from a built-in template with their own parameters.</summary>
public sealed class TemplateJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ADesignerCreatesALeaveRequestFromTheTemplateDeploysItAndItRunsToItsFirstTask()
    {
        var user = await app.SignInAsync("designer");
        var page = user.Page;
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
        // The group parameter offers the tenant's groups; a key typed by hand is accepted too.
        await page.GetByLabel("Approver group", new() { Exact = true }).FillAsync("mana");
        await Assertions.Expect(page.Locator(".rz-autocomplete-list-item").Filter(new() { HasText = "managers", Visible = true })).ToHaveCountAsync(1);
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

        // Deployable as shipped: version 1, and it starts (through the API with this session) and waits for approval.
        await designer.DeployAsync("From the template", expectedVersion: 1);
        var key = (await page.Locator(".wbpm-designer-bar h1").GetAttributeAsync("title"))!;
        var started = await page.Context.APIRequest.PostAsync($"/api/v1/process-definitions/key/{key}/start",
            new() { DataObject = new { variables = new { startDate = "2027-01-04", endDate = "2027-01-08", days = 5 } } });
        Assert.Equal(201, started.Status);
        var instanceId = (await started.JsonAsync())!.Value.GetProperty("id").GetString();
        var instance = await page.Context.APIRequest.GetAsync($"/api/v1/process-instances/{instanceId}");
        var active = (await instance.JsonAsync())!.Value.GetProperty("activeElements");
        Assert.Equal("approve", active[0].GetProperty("elementId").GetString());
        Assert.Empty(user.ConsoleErrors);
    }

    [Fact]
    public async Task ADesignerSavesAProcessAsATemplateUsesItAndDeletesIt()
    {
        var user = await app.SignInAsync("designer");
        var page = user.Page;
        var processes = new ProcessesPage(page);
        await processes.OpenAsync();
        var gallery = new TemplateGalleryDialog(page);
        await gallery.OpenAsync();
        await gallery.SearchAsync("incident");
        await gallery.UseAsync("IT incident management");
        await gallery.FillAsync("Process name", "Incidents EMEA");
        await gallery.CreateAsync();
        var designer = new DesignerPage(page);
        await designer.WaitUntilReadyAsync();

        await page.Locator("[data-testid=save-as-template]").ClickAsync();
        var dialog = await RadzenControls.OpenedDialogAsync(page);
        await dialog.GetByLabel("Template name", new() { Exact = true }).FillAsync("Our incident process");
        await dialog.GetByLabel("Category", new() { Exact = true }).FillAsync("IT");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Template saved")).ToBeVisibleAsync();

        await processes.OpenAsync();
        await gallery.OpenAsync();
        await gallery.SearchAsync("our incident");
        await Assertions.Expect(gallery.Cards).ToHaveCountAsync(1);
        // Built-in templates offer no Delete; the tenant's own one does, after a confirmation.
        await gallery.SearchAsync("");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete template Leave request" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete template Our incident process" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Template deleted")).ToBeVisibleAsync();
        await gallery.SearchAsync("our incident");
        await Assertions.Expect(gallery.Cards).ToHaveCountAsync(0);
        Assert.Empty(user.ConsoleErrors);
    }
}
