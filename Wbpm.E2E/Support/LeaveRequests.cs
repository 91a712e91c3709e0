using Microsoft.Playwright;
using Wbpm.E2E.Pages;

namespace Wbpm.E2E.Support;

/// <summary>
/// The demo data's "Leave request" (Wbpm.Infrastructure/Templates/Library/leave-request.bpmn with its defaults): start form
/// employee/startDate/endDate/days/reason; "Approve leave" for group managers (outcomes Approve/Reject, comment); more than
/// 10 days also needs "Confirm long leave" by group hr.
/// </summary>
public static class LeaveRequests
{
    public const string Process = "Leave request";
    public const int LongLeaveDays = 10;

    /// <summary>Starts a leave request through the portal like the requester would and waits for its page.</summary>
    public static async Task StartAsync(IPage requester, string businessKey, int days, string reason = "Family visit")
    {
        var portal = new PortalPage(requester);
        await portal.OpenAsync();
        var dialog = await portal.StartAsync(Process);
        await dialog.BusinessKeyAsync(businessKey);
        await dialog.FillAsync("First day", "2027-03-01");
        await dialog.FillAsync("Last day", "2027-03-19");
        await dialog.FillAsync("Working days", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.FillAsync("Reason", reason);
        await dialog.SubmitAsync();
        await Assertions.Expect(requester.Locator("[data-testid=request-title]")).ToContainTextAsync(businessKey);
    }
}
