using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Notifications;

public sealed record NotificationView(string Id, string Kind, string Title, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationList(IReadOnlyList<NotificationView> Items, int UnreadCount);

/// <summary>
/// The current user's own notifications in their tenant: list, unread count, mark read. Anyone signed in to a tenant
/// has notifications; nobody ever sees or marks another user's (another user's id answers 404, like an unknown one).
/// </summary>
public sealed class UserNotifications(TenantDbContextFactory contexts, ICurrentUser currentUser, TimeProvider time)
{
    public const int MaxTake = 200;

    public async Task<NotificationList> ListAsync(int take = 50, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var me = Me();
        if (take is < 1 or > MaxTake)
            throw ValidationException.For("take", $"take is 1 to {MaxTake}.");
        await using var db = contexts.Create();
        var mine = db.Notifications.AsNoTracking().Where(n => n.Recipient == me);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(take)
            .Select(n => new { n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt }).ToListAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        return new NotificationList(items.Select(n => new NotificationView(n.Id, KindName(n.Kind), n.Title, n.Link, n.CreatedAt, n.ReadAt)).ToList(),
            unread);
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = contexts.Create();
        return await db.Notifications.CountAsync(n => n.Recipient == me && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one of my notifications read (again is fine); <see cref="NotFoundException"/> for anyone else's.</summary>
    public async Task MarkReadAsync(string id, CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = contexts.Create();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.Recipient == me, cancellationToken)
            ?? throw new NotFoundException("Notification", id);
        if (notification.MarkRead(time.GetUtcNow()))
            await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks all my unread notifications read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        return await db.Notifications.Where(n => n.Recipient == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.TaskAssigned => "task-assigned",
        NotificationKind.TaskOverdue => "task-overdue",
        NotificationKind.RequestCompleted => "request-completed",
        _ => kind.ToString(),
    };

    private string Me()
    {
        // Notifications are personal: being signed in to a tenant is the whole permission.
        if (!currentUser.IsAuthenticated || currentUser.TenantId is null || currentUser.UserName is not { } me)
            throw new ForbiddenException("a signed-in user of a tenant");
        return me;
    }
}
