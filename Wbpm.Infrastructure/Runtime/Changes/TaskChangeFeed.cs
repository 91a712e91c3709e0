using Microsoft.Extensions.Logging;

namespace Wbpm.Infrastructure.Runtime.Changes;

/// <summary>
/// In-process publish/subscribe of committed task changes (one per app node). Open inboxes and the notification
/// toasts subscribe; <see cref="TaskChangeCapture"/> publishes after every successful SaveChanges. Other nodes'
/// changes are not seen here: pages fall back to a short poll for those.
/// </summary>
public sealed class TaskChangeFeed(ILogger<TaskChangeFeed> logger)
{
    private readonly Lock _gate = new();
    private Action<IReadOnlyList<TaskChange>>[] _subscribers = [];

    /// <summary>Handlers run on the committing thread: they must be quick and hand real work to their own context.</summary>
    public IDisposable Subscribe(Action<IReadOnlyList<TaskChange>> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(IReadOnlyList<TaskChange> changes)
    {
        if (changes.Count == 0) return;
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(changes);
            }
            catch (Exception e)
            {
                // A broken subscriber (a closed circuit) must not fail the command that already committed.
                logger.LogWarning(e, "A task change subscriber failed.");
            }
        }
    }

    private void Unsubscribe(Action<IReadOnlyList<TaskChange>> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != handler)];
    }

    private sealed class Subscription(TaskChangeFeed feed, Action<IReadOnlyList<TaskChange>> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
