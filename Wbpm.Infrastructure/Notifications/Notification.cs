using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Notifications;

public enum NotificationKind { TaskAssigned, TaskOverdue, RequestCompleted }

/// <summary>
/// One in-app notification for one user of a tenant (the bell in the header). It is written in the same transaction
/// as its cause (see <see cref="NotificationCapture"/> and <see cref="OverdueTaskSweep"/>), so a rolled-back change
/// never notifies anyone.
/// </summary>
public sealed class Notification : ITenantOwned
{
    public const int MaxTitleLength = 500;

    private Notification() { Id = TenantId = Recipient = Title = Link = ""; }

    public Notification(string tenantId, string recipient, NotificationKind kind, string title, string link, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid().ToString("N");
        TenantId = tenantId;
        Recipient = recipient;
        Kind = kind;
        Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title;
        Link = link;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }

    /// <summary>The user name (tasks and instances name people by user name).</summary>
    public string Recipient { get; private set; }

    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; }

    /// <summary>The app-relative page the notification opens, e.g. <c>/tasks/{id}</c> or <c>/portal/requests/{id}</c>.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public bool MarkRead(DateTimeOffset at)
    {
        if (ReadAt is not null) return false;
        ReadAt = at;
        return true;
    }
}
