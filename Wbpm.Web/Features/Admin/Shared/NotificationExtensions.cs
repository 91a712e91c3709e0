using Radzen;

namespace Wbpm.Web.Features.Admin.Shared;

/// <summary>The two toasts the admin pages use, with durations long enough to read (errors stay longer).</summary>
public static class NotificationExtensions
{
    public static void Success(this NotificationService notifications, string summary, string detail = "") =>
        notifications.Notify(new NotificationMessage
        {
            Severity = NotificationSeverity.Success, Summary = summary, Detail = detail, Duration = 4000,
        });

    public static void Error(this NotificationService notifications, string summary, string detail) =>
        notifications.Notify(new NotificationMessage
        {
            Severity = NotificationSeverity.Error, Summary = summary, Detail = detail, Duration = 10000,
        });
}
