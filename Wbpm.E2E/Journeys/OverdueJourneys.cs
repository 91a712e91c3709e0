using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>
/// Issue #6: due dates come from the model; a task past its due date is in Overdue, red, and its assignee is told;
/// a task due within a day is in Due soon.
/// </summary>
public sealed class OverdueJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    // Two parallel tasks for bob: one due long ago, one due in an hour (FEEL, evaluated when the task is created).
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:wbpm="http://wbpm.dev/schema/bpmn"
                     xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                     xmlns:di="http://www.omg.org/spec/DD/20100524/DI" targetNamespace="http://wbpm.dev/e2e" id="defs_deadlines">
          <process id="deadlines" name="Deadlines" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="late"/>
            <sequenceFlow id="f3" sourceRef="fork" targetRef="soon"/>
            <userTask id="late" name="File the late report" wbpm:assignee="bob" wbpm:dueDate="2020-01-06T09:00:00Z"/>
            <userTask id="soon" name="Answer the auditor" wbpm:assignee="bob" wbpm:dueDate="= now() + duration(&quot;PT1H&quot;)"/>
            <sequenceFlow id="f4" sourceRef="late" targetRef="join"/>
            <sequenceFlow id="f5" sourceRef="soon" targetRef="join"/>
            <parallelGateway id="join"/>
            <sequenceFlow id="f6" sourceRef="join" targetRef="end"/>
            <endEvent id="end"/>
          </process>
          <bpmndi:BPMNDiagram id="d1"><bpmndi:BPMNPlane id="p1" bpmnElement="deadlines">
            <bpmndi:BPMNShape id="s_start" bpmnElement="start"><dc:Bounds x="100" y="200" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_fork" bpmnElement="fork"><dc:Bounds x="180" y="193" width="50" height="50"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_late" bpmnElement="late"><dc:Bounds x="280" y="120" width="100" height="80"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_soon" bpmnElement="soon"><dc:Bounds x="280" y="240" width="100" height="80"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_join" bpmnElement="join"><dc:Bounds x="430" y="193" width="50" height="50"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s_end" bpmnElement="end"><dc:Bounds x="530" y="200" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="e1" bpmnElement="f1"><di:waypoint x="136" y="218"/><di:waypoint x="180" y="218"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e2" bpmnElement="f2"><di:waypoint x="205" y="193"/><di:waypoint x="205" y="160"/><di:waypoint x="280" y="160"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e3" bpmnElement="f3"><di:waypoint x="205" y="243"/><di:waypoint x="205" y="280"/><di:waypoint x="280" y="280"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e4" bpmnElement="f4"><di:waypoint x="380" y="160"/><di:waypoint x="455" y="160"/><di:waypoint x="455" y="193"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e5" bpmnElement="f5"><di:waypoint x="380" y="280"/><di:waypoint x="455" y="280"/><di:waypoint x="455" y="243"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e6" bpmnElement="f6"><di:waypoint x="480" y="218"/><di:waypoint x="530" y="218"/></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </definitions>
        """;

    [Fact]
    public async Task ATaskPastItsDueDateIsOverdueInRedAndItsAssigneeIsNotified()
    {
        var designer = await app.SignInAsync("designer");
        var processes = new ProcessesPage(designer.Page);
        await processes.OpenAsync();
        await processes.ChooseFileAsync("deadlines.bpmn", Model);
        await designer.Page.WaitForURLAsync(url => url.EndsWith("/design", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        var canvas = new DesignerPage(designer.Page);
        await canvas.WaitUntilReadyAsync();
        await canvas.DeployAsync("Deadlines", expectedVersion: 1);

        var alice = await app.SignInAsync("alice");
        var started = await alice.Page.Context.APIRequest.PostAsync("/api/v1/process-definitions/key/deadlines/start",
            new() { DataObject = new { businessKey = "DL-1" } });
        Assert.Equal(201, started.Status);

        var bob = await app.SignInAsync("bob");
        var inbox = new InboxPage(bob.Page);
        await inbox.OpenAsync();
        await inbox.ShowAsync("Overdue");
        var late = inbox.Row("File the late report");
        await Assertions.Expect(late).ToBeVisibleAsync();
        await Assertions.Expect(late.Locator(".wbpm-due-overdue")).ToContainTextAsync("2020-01-06");
        await Assertions.Expect(inbox.Row("Answer the auditor")).ToHaveCountAsync(0);

        await inbox.ShowAsync("DueSoon");
        await Assertions.Expect(inbox.Row("Answer the auditor")).ToBeVisibleAsync();
        await Assertions.Expect(inbox.Row("File the late report")).ToHaveCountAsync(0);
        // Due later today is amber (skipped when the hour crosses midnight UTC: it is then due tomorrow, not today).
        if (DateTime.UtcNow.AddMinutes(70).Date == DateTime.UtcNow.Date)
            await Assertions.Expect(inbox.Row("Answer the auditor").Locator(".wbpm-due-today")).ToBeVisibleAsync();
        await bob.ScreenshotAsync("inbox-due-soon");

        // The overdue sweep tells the assignee, once; the bell shows it without a reload.
        var bell = new NotificationBell(bob.Page);
        await bell.OpenAsync();
        var overdue = bell.Items.Filter(new() { HasText = "File the late report" }).Filter(new() { HasTextRegex = new Regex("^Overdue|Overdue:") });
        await Assertions.Expect(overdue).ToHaveCountAsync(1);
        await bob.ScreenshotAsync("inbox-overdue-notification");
        Assert.Empty(designer.ConsoleErrors);
        Assert.Empty(bob.ConsoleErrors);
    }
}
