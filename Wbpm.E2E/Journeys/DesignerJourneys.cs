using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>A designer draws, configures, validates and saves a process; imports; two designers collide.</summary>
public sealed class DesignerJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ADesignerDrawsAnApprovalConfiguresItSeesProblemsGoAwaySavesAndFindsItAgain()
    {
        var user = await app.SignInAsync("designer");
        var page = user.Page;
        var processes = new ProcessesPage(page);
        await processes.OpenAsync();
        await processes.NewProcessAsync();
        var designer = new DesignerPage(page);
        await designer.WaitUntilReadyAsync();
        var designUrl = page.Url;

        // start -> user task (context pad append + replace) -> exclusive gateway -> end event (context pad)
        await designer.ClickElementAsync("StartEvent_1");
        await designer.ContextPadAsync("append.append-task");
        await designer.ReplaceWithAsync("replace-with-user-task");
        var task = await designer.SelectedIdAsync("User task");
        await designer.SetFieldAsync("Name", "Approve request");
        await designer.ContextPadAsync("append.gateway");
        var gateway = await designer.SelectedIdAsync("Exclusive gateway");
        await designer.ContextPadAsync("append.end-event");
        var approved = await designer.SelectedIdAsync("End event");
        // ... and a second end event from the palette, connected from the gateway with the context pad's connect tool.
        var gatewayBox = (await designer.Element(gateway).BoundingBoxAsync())!;
        var canvasBox = (await designer.Canvas.BoundingBoxAsync())!;
        await designer.CreateFromPaletteAsync("create.end-event", gatewayBox.X - canvasBox.X + 150, gatewayBox.Y - canvasBox.Y + 180);
        var rejected = await designer.SelectedIdAsync("End event", approved);
        await designer.ClickElementAsync(gateway);
        await designer.ContextPadAsync("connect");
        await designer.Element(rejected).ClickAsync(new() { Force = true });

        // The validator marks the unassigned user task (warning) and the flows without a condition (errors).
        await Assertions.Expect(designer.Element(task)).ToHaveClassAsync(new Regex("wbpm-marker-warning"));
        await Assertions.Expect(designer.Issues.Filter(new() { HasText = "without a condition" })).ToHaveCountAsync(2);

        await designer.ClickElementAsync(task);
        await designer.SetFieldAsync("Assignee", "bob");
        await Assertions.Expect(designer.Element(task)).Not.ToHaveClassAsync(new Regex("wbpm-marker-"));

        await designer.SelectIssueAsync("without a condition");
        await Assertions.Expect(page.Locator("[data-testid=properties-panel] h2").First).ToContainTextAsync("Sequence flow");
        await page.GetByLabel("Condition (FEEL)").FillAsync("amount >");
        await Assertions.Expect(page.Locator("[data-testid=condition-error]")).ToContainTextAsync("column");
        await designer.SetFieldAsync("Condition (FEEL)", "amount > 1000");
        await Assertions.Expect(page.Locator("[data-testid=condition-error]")).ToHaveCountAsync(0);
        await Assertions.Expect(designer.Issues.Filter(new() { HasText = "without a condition" })).ToHaveCountAsync(1);
        await designer.SelectIssueAsync("without a condition");
        await designer.CheckAsync("Default flow");
        await Assertions.Expect(designer.Issues.Filter(new() { HasText = "without a condition" })).ToHaveCountAsync(0);

        await designer.SaveAsync();
        await Assertions.Expect(designer.SaveStatus).ToContainTextAsync("Saved at");
        await user.ScreenshotAsync("designer-approval");

        await page.GotoAsync(designUrl);
        await designer.WaitUntilReadyAsync();
        foreach (var id in new[] { "StartEvent_1", task, gateway, approved, rejected })
            await Assertions.Expect(designer.Element(id)).ToHaveCountAsync(1);
        await designer.ClickElementAsync(task);
        await Assertions.Expect(page.GetByLabel("Assignee", new() { Exact = true })).ToHaveValueAsync("bob");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Approve request");
        await Assertions.Expect(designer.Issues.Filter(new() { HasText = "Error" })).ToHaveCountAsync(0);

        await designer.DeployAsync("First approval flow", expectedVersion: 1);
        var versions = await designer.OpenVersionsAsync();
        await Assertions.Expect(versions.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(versions).ToContainTextAsync("First approval flow");
        await user.ScreenshotAsync("designer-versions");
        await processes.OpenAsync();
        await Assertions.Expect(processes.Grid).ToContainTextAsync("Version 1");

        // The deployed process starts and waits in its first task (through the API, with this browser's session).
        var key = await DeployedKeyAsync(page, designUrl);
        var started = await page.Context.APIRequest.PostAsync($"/api/v1/process-definitions/key/{key}/start",
            new() { DataObject = new { businessKey = "E2E-1", variables = new { amount = 1500 } } });
        Assert.Equal(201, started.Status);
        var instanceId = (await started.JsonAsync())!.Value.GetProperty("id").GetString();
        var instance = await page.Context.APIRequest.GetAsync($"/api/v1/process-instances/{instanceId}");
        var active = (await instance.JsonAsync())!.Value.GetProperty("activeElements");
        Assert.Equal(task, active[0].GetProperty("elementId").GetString());
        Assert.Empty(user.ConsoleErrors);
    }

    [Fact]
    public async Task AnImportedMiwgModelRendersOnTheCanvas()
    {
        var user = await app.SignInAsync("designer");
        var processes = new ProcessesPage(user.Page);
        await processes.OpenAsync();

        await processes.ChooseFileAsync("C.1.0.bpmn", await File.ReadAllTextAsync(RepositoryFiles.Miwg("C.1.0.bpmn"), TestContext.Current.CancellationToken));

        await user.Page.WaitForURLAsync(url => url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var designer = new DesignerPage(user.Page);
        await designer.WaitUntilReadyAsync();
        Assert.True(await user.Page.Locator(".djs-element.djs-shape").CountAsync() > 10);

        // A large model is navigated with the minimap: closed by default, opened from its toggle, it draws the diagram.
        await designer.Minimap.Locator(".toggle").ClickAsync();
        await Assertions.Expect(designer.Minimap).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bopen\b"));
        await Assertions.Expect(designer.Minimap.Locator(".map svg > g").First.Locator("g").First).ToBeAttachedAsync();
        await user.ScreenshotAsync("designer-miwg");
        Assert.Empty(user.ConsoleErrors);
    }

    [Fact]
    public async Task TheDiagramExportsAsBpmnSvgAndPng()
    {
        var user = await app.SignInAsync("designer");
        var processes = new ProcessesPage(user.Page);
        await processes.OpenAsync();
        await processes.ChooseFileAsync("A.1.0.bpmn", await File.ReadAllTextAsync(RepositoryFiles.Miwg("A.1.0.bpmn"), TestContext.Current.CancellationToken));
        await user.Page.WaitForURLAsync(url => url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var designer = new DesignerPage(user.Page);
        await designer.WaitUntilReadyAsync();

        var bpmn = await designer.ExportAsync("Export .bpmn");
        Assert.EndsWith(".bpmn", bpmn.Name, StringComparison.Ordinal);
        Assert.Contains("bpmndi:BPMNDiagram", Encoding.UTF8.GetString(bpmn.Content), StringComparison.Ordinal);
        var svg = await designer.ExportAsync("Export .svg");
        Assert.EndsWith(".svg", svg.Name, StringComparison.Ordinal);
        Assert.StartsWith("<?xml", Encoding.UTF8.GetString(svg.Content), StringComparison.Ordinal);
        Assert.Contains("<svg", Encoding.UTF8.GetString(svg.Content), StringComparison.Ordinal);
        var png = await designer.ExportAsync("Export .png");
        Assert.EndsWith(".png", png.Name, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Content[..4]);
        Assert.True(png.Content.Length > 1_000);
        Assert.Empty(user.ConsoleErrors);
    }

    [Fact]
    public async Task AMalformedFileIsRefusedWithWhereItIsBroken()
    {
        var user = await app.SignInAsync("designer");
        var processes = new ProcessesPage(user.Page);
        await processes.OpenAsync();

        await processes.ChooseFileAsync("broken.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"x\">");

        await Assertions.Expect(processes.Error).ToContainTextAsync("line");
    }

    [Fact]
    public async Task TheSecondOfTwoDesignersSavingTheSameDraftGetsTheConflictDialog()
    {
        var dana = await app.SignInAsync("designer");
        var processes = new ProcessesPage(dana.Page);
        await processes.OpenAsync();
        await processes.NewProcessAsync();
        var danaDesigner = new DesignerPage(dana.Page);
        await danaDesigner.WaitUntilReadyAsync();

        var ada = await app.SignInAsync("admin");
        await ada.Page.GotoAsync(dana.Page.Url);
        var adaDesigner = new DesignerPage(ada.Page);
        await adaDesigner.WaitUntilReadyAsync();
        await Assertions.Expect(danaDesigner.Presence).ToContainTextAsync("Ada Admin");
        await Assertions.Expect(adaDesigner.Presence).ToContainTextAsync("Dana Designer");

        await danaDesigner.SetFieldAsync("Name", "Dana's name");
        await danaDesigner.SaveAsync();
        await adaDesigner.SetFieldAsync("Name", "Ada's name");
        await ada.Page.Locator("[data-testid=save]").ClickAsync();

        await Assertions.Expect(adaDesigner.ConflictDialog).ToContainTextAsync("Dana Designer");
        await ada.ScreenshotAsync("designer-conflict");
        await ada.Page.GetByRole(AriaRole.Button, new() { Name = "Save as a copy" }).ClickAsync();
        await ada.Page.WaitForURLAsync(url => url != dana.Page.Url && url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await adaDesigner.WaitUntilReadyAsync();
        await Assertions.Expect(ada.Page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Ada's name (copy)");
        Assert.Empty(dana.ConsoleErrors);
        Assert.Empty(ada.ConsoleErrors);
    }

    [Fact]
    public async Task OpeningAThousandElementModelIsTimed()
    {
        var user = await app.SignInAsync("designer");
        var processes = new ProcessesPage(user.Page);
        await processes.OpenAsync();
        await processes.ChooseFileAsync("large.bpmn", LargeBpmn.Chain(1000));
        await user.Page.WaitForURLAsync(url => url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var designer = new DesignerPage(user.Page);
        await designer.WaitUntilReadyAsync();

        var watch = Stopwatch.StartNew();
        await user.Page.ReloadAsync();
        await designer.WaitUntilReadyAsync();
        watch.Stop();

        var shapes = await user.Page.Locator(".djs-element").CountAsync();
        var line = $"Designer: opened and rendered a model with {shapes} canvas elements in {watch.ElapsedMilliseconds} ms (page load + circuit + bpmn-js import)";
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Assert.True(shapes >= 1000);
    }

    /// <summary>The process id (deployment key) of the draft open at <paramref name="designUrl"/>, from its heading.</summary>
    private static async Task<string> DeployedKeyAsync(IPage page, string designUrl)
    {
        await page.GotoAsync(designUrl);
        var designer = new DesignerPage(page);
        await designer.WaitUntilReadyAsync();
        return (await page.Locator(".wbpm-designer-bar h1").GetAttributeAsync("title"))!;
    }
}
