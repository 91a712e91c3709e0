using Wbpm.Infrastructure.Notifications;

namespace Wbpm.Web.Api;

/// <summary>The caller's own in-app notifications (any signed-in user of a tenant).</summary>
internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications");
        notifications.MapGet("/", (UserNotifications service, int? take, bool? unreadOnly, CancellationToken ct) =>
                service.ListAsync(take ?? 50, unreadOnly ?? false, ct))
            .WithName("ListNotifications").WithSummary("My notifications, newest first, with my unread count.");
        notifications.MapPost("/{id}/read", async (UserNotifications service, string id, CancellationToken ct) =>
            {
                await service.MarkReadAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead").ProducesProblem(StatusCodes.Status404NotFound);
        notifications.MapPost("/read-all", async (UserNotifications service, CancellationToken ct) =>
                TypedResults.Ok(new { marked = await service.MarkAllReadAsync(ct) }))
            .WithName("MarkAllNotificationsRead");
        return api;
    }
}
