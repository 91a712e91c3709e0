using Microsoft.Extensions.Logging;

namespace Wbpm.Infrastructure.Notifications;

/// <summary>A notification that was committed: enough for an open bell to know whose unread count moved.</summary>
public sealed record NotificationPublished(string TenantId, string Recipient, string NotificationId, NotificationKind Kind, string Title);

/// <summary>
/// In-process publish/subscribe of committed notifications (one per app node), so the bell's unread count updates
/// live; <see cref="NotificationCapture"/> publishes after every successful SaveChanges that wrote notifications.
/// Other nodes' notifications are not seen here: the bell also re-reads its count when the page is opened.
/// </summary>
public sealed class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private readonly Lock _gate = new();
    private Action<IReadOnlyList<NotificationPublished>>[] _subscribers = [];

    /// <summary>Handlers run on the committing thread: they must be quick (an InvokeAsync on a component).</summary>
    public IDisposable Subscribe(Action<IReadOnlyList<NotificationPublished>> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(IReadOnlyList<NotificationPublished> notifications)
    {
        if (notifications.Count == 0) return;
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(notifications);
            }
            catch (Exception e)
            {
                // A broken subscriber (a closed circuit) must not fail the command that already committed.
                logger.LogWarning(e, "A notification subscriber failed.");
            }
        }
    }

    private void Unsubscribe(Action<IReadOnlyList<NotificationPublished>> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != handler)];
    }

    private sealed class Subscription(NotificationFeed feed, Action<IReadOnlyList<NotificationPublished>> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
