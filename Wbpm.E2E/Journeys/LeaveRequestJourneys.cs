using Microsoft.Playwright;
using Wbpm.E2E.Pages;
using Wbpm.E2E.Support;

namespace Wbpm.E2E.Journeys;

/// <summary>
/// Issue #6 end to end in three browser contexts: alice requests leave in the portal, bob (managers) sees it arrive live
/// and approves it, carol (hr) confirms it, alice sees it completed and is notified. Then the races: two people completing
/// the same task, and a double click on an outcome button.
/// </summary>
public sealed class LeaveRequestJourneys(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ALeaveRequestTravelsFromThePortalThroughManagerAndHrAndTheRequesterIsToldItCompleted()
    {
        const string key = "LR-JOURNEY-1";
        var alice = await app.SignInAsync("alice");
        var bob = await app.SignInAsync("bob");
        var carol = await app.SignInAsync("carol");

        // bob's inbox is open before the request exists: it must arrive without a reload.
        var bobInbox = new InboxPage(bob.Page);
        await bobInbox.OpenAsync();
        await bobInbox.ShowAsync("MyGroups");

        await LeaveRequests.StartAsync(alice.Page, key, days: 12);
        await Assertions.Expect(alice.Page.Locator("[data-testid=request-current]")).ToContainTextAsync("Approve leave");
        await Assertions.Expect(alice.Page.Locator("[data-testid=request-current]")).ToContainTextAsync("waiting for group managers");
        await alice.ScreenshotAsync("leave-1-alice-request-started");

        await Assertions.Expect(bobInbox.Row(key)).ToBeVisibleAsync();
        await Assertions.Expect(bob.Page.GetByText("New task in your list")).ToBeVisibleAsync();
        await Assertions.Expect(bobInbox.Count("MyGroups")).Not.ToHaveTextAsync("0");
        await bob.ScreenshotAsync("leave-2-bob-inbox-live");
        await bobInbox.ClaimAsync(key);
        await Assertions.Expect(bobInbox.Row(key)).ToContainTextAsync("bob");
        await bobInbox.OpenTaskAsync(key);

        var approval = new TaskPage(bob.Page);
        await Assertions.Expect(approval.Field("Working days")).ToHaveValueAsync("12");
        await Assertions.Expect(approval.Field("Working days")).ToHaveAttributeAsync("readonly", "");
        await Assertions.Expect(approval.Field("Reason")).ToHaveValueAsync("Family visit");
        await Assertions.Expect(approval.Diagram.Locator(".djs-element.wbpm-current[data-element-id='approve']")).ToHaveCountAsync(1);
        await approval.FillAsync("Comment", "Enjoy the trip");
        await approval.CommentAsync("Checked the team calendar: no clash.");
        await Assertions.Expect(approval.Comments.First).ToContainTextAsync("Bob Manager");
        await bob.ScreenshotAsync("leave-3-bob-task-page");
        await approval.Button("Approve").ClickAsync();
        await Assertions.Expect(approval.Confirmation).ToContainTextAsync("Task completed. This task was completed by bob");

        var carolInbox = new InboxPage(carol.Page);
        await carolInbox.OpenAsync();
        await carolInbox.ShowAsync("MyGroups");
        await Assertions.Expect(carolInbox.Row(key)).ToContainTextAsync("Confirm long leave");
        await carolInbox.OpenTaskAsync(key);
        var confirmation = new TaskPage(carol.Page);
        await confirmation.ClaimAsync();
        await Assertions.Expect(confirmation.Field("Approver's comment")).ToHaveValueAsync("Enjoy the trip");
        await confirmation.CheckAsync("Recorded in the HR system");
        await carol.ScreenshotAsync("leave-4-carol-task-page");
        // alice is still on her request's page: the bell counts the completion without a reload.
        var bell = new NotificationBell(alice.Page);
        var unreadBefore = await bell.Count.CountAsync() == 0 ? 0 : int.Parse(await bell.Count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await confirmation.Button("Complete").ClickAsync();
        await Assertions.Expect(confirmation.Confirmation).ToContainTextAsync("completed by carol");

        await Assertions.Expect(bell.Count).ToHaveTextAsync((unreadBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var requests = new MyRequestsPage(alice.Page);
        await requests.OpenAsync();
        await Assertions.Expect(requests.Row(key)).ToContainTextAsync("completed");
        await bell.OpenAsync();
        var notification = bell.Items.Filter(new() { HasText = key });
        await Assertions.Expect(notification).ToContainTextAsync($"Your request completed: Leave request · {key}");
        await Assertions.Expect(notification).ToHaveAttributeAsync("data-kind", "request-completed");
        await alice.ScreenshotAsync("leave-5-alice-requests-and-bell");
        await notification.ClickAsync();
        await Assertions.Expect(alice.Page.Locator("[data-testid=request-title]")).ToContainTextAsync(key);
        await Assertions.Expect(alice.Page.Locator("[data-testid=request-no-step]")).ToBeVisibleAsync();
        if (unreadBefore == 0)
            await Assertions.Expect(bell.Count).ToHaveCountAsync(0);
        else
            await Assertions.Expect(bell.Count).ToHaveTextAsync(unreadBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await alice.ScreenshotAsync("leave-6-alice-request-completed");

        Assert.Empty(alice.ConsoleErrors);
        Assert.Empty(bob.ConsoleErrors);
        Assert.Empty(carol.ConsoleErrors);
    }

    [Fact]
    public async Task WhenTwoPeopleCompleteTheSameTaskOneWinsAndTheOtherIsToldWhoCompletedItAndWhen()
    {
        const string key = "LR-RACE-1";
        var alice = await app.SignInAsync("alice");
        await LeaveRequests.StartAsync(alice.Page, key, days: 3);

        // bob (a candidate of the unclaimed task) and the operator (task.manage) both open it.
        var bob = await app.SignInAsync("bob");
        var bobInbox = new InboxPage(bob.Page);
        await bobInbox.OpenAsync();
        await bobInbox.ShowAsync("MyGroups");
        await bobInbox.OpenTaskAsync(key);
        var bobTask = new TaskPage(bob.Page);
        var operatorUser = await app.SignInAsync("operator");
        var operatorTask = new TaskPage(operatorUser.Page);
        await operatorTask.OpenAsync(bobTask.TaskId);
        await Assertions.Expect(operatorTask.Button("Reject")).ToBeEnabledAsync();

        await bobTask.FillAsync("Comment", "Approved by bob");
        await bobTask.Button("Approve").ClickAsync();
        await Assertions.Expect(bobTask.Confirmation).ToBeVisibleAsync();

        await operatorTask.FillAsync("Comment", "Rejected by the operator");
        await operatorTask.Button("Reject").ClickAsync();
        await Assertions.Expect(operatorTask.Conflict).ToContainTextAsync("bob");
        await Assertions.Expect(operatorTask.Conflict).ToContainTextAsync("Nothing you entered was applied.");
        await Assertions.Expect(operatorTask.CompletedNote).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"completed by bob at \d{4}-\d\d-\d\d \d\d:\d\d UTC"));
        await operatorUser.ScreenshotAsync("race-loser-sees-who-won");

        // Bob's outcome stands: the request was approved (3 days: no HR step) and ended once.
        await Assertions.Expect(operatorTask.History.Filter(new() { HasText = "Approve leave" })).ToHaveCountAsync(1);
        await Assertions.Expect(operatorTask.History.Filter(new() { HasText = "Record approval" })).ToHaveCountAsync(1);
        await Assertions.Expect(operatorTask.History.Filter(new() { HasText = "Record rejection" })).ToHaveCountAsync(0);
        await Assertions.Expect(operatorUser.Page.GetByTestId("task-variables")).ToContainTextAsync("Approved by bob");
        Assert.Empty(bob.ConsoleErrors);
        Assert.Empty(operatorUser.ConsoleErrors);
    }

    [Fact]
    public async Task ADoubleClickOnAnOutcomeCompletesTheTaskOnce()
    {
        const string key = "LR-DOUBLE-1";
        var alice = await app.SignInAsync("alice");
        await LeaveRequests.StartAsync(alice.Page, key, days: 14);
        var bob = await app.SignInAsync("bob");
        var inbox = new InboxPage(bob.Page);
        await inbox.OpenAsync();
        await inbox.ShowAsync("MyGroups");
        await inbox.ClaimAsync(key);
        await inbox.OpenTaskAsync(key);
        var task = new TaskPage(bob.Page);

        await task.Button("Approve").DblClickAsync();
        await Assertions.Expect(task.Confirmation).ToBeVisibleAsync();
        await Assertions.Expect(bob.Page.GetByTestId("task-conflict")).ToHaveCountAsync(0);
        // One completion: one "Approve leave" in the history and exactly one HR task after it.
        await Assertions.Expect(task.History.Filter(new() { HasText = "Approve leave" })).ToHaveCountAsync(1);
        await Assertions.Expect(task.History.Filter(new() { HasText = "Confirm long leave" })).ToHaveCountAsync(1);
        var carol = await app.SignInAsync("carol");
        var carolInbox = new InboxPage(carol.Page);
        await carolInbox.OpenAsync();
        await carolInbox.ShowAsync("MyGroups");
        await Assertions.Expect(carolInbox.Row(key)).ToHaveCountAsync(1);
        Assert.Empty(bob.ConsoleErrors);
    }
}
