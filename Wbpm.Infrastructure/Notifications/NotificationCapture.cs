using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Engine;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Notifications;

/// <summary>
/// Turns the rows a SaveChanges writes into notifications in that same SaveChanges (so they commit or roll back with
/// their cause, whoever wrote the rows: a service, the engine, the job executor): a task given to someone (created
/// with an assignee, claimed for or delegated to them), and a request whose instance completed (to its starter).
/// After the commit it announces every notification written to the <see cref="NotificationFeed"/>.
/// </summary>
public sealed class NotificationCapture(NotificationFeed feed, TimeProvider time) : AfterCommitInterceptor<NotificationPublished>
{
    protected override List<NotificationPublished> Capture(DbContext context)
    {
        var now = time.GetUtcNow();
        var actor = ActingUser(context);
        var added = new List<Notification>();
        foreach (var entry in context.ChangeTracker.Entries<UserTask>())
            if (Assigned(entry, actor, now) is { } notification)
                added.Add(notification);
        foreach (var entry in context.ChangeTracker.Entries<ProcessInstance>())
            if (Completed(entry, ProcessNameOf(context, entry.Entity), now) is { } notification)
                added.Add(notification);
        context.Set<Notification>().AddRange(added);

        // Everything this commit notifies, including notifications other writers added (the overdue sweep).
        return context.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added)
            .Select(e => new NotificationPublished(e.Entity.TenantId, e.Entity.Recipient, e.Entity.Id, e.Entity.Kind, e.Entity.Title))
            .ToList();
    }

    protected override void Publish(IReadOnlyList<NotificationPublished> captured) => feed.Publish(captured);

    /// <summary>
    /// Who made this change: the user the change's audit entry names (every user action is audited in its own
    /// SaveChanges), nobody for the engine's own work (timers, jobs). Nobody needs telling about what they just did.
    /// </summary>
    private static string? ActingUser(DbContext context) =>
        context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.ActorName).FirstOrDefault(u => u != "system");

    private static Notification? Assigned(EntityEntry<UserTask> entry, string? actor, DateTimeOffset now)
    {
        var task = entry.Entity;
        if (task.Status != UserTaskStatus.Open || task.Assignee is not { } assignee || assignee == actor)
            return null;
        var isNew = entry.State == EntityState.Added
            || (entry.State == EntityState.Modified && entry.OriginalValues.GetValue<string?>(nameof(UserTask.Assignee)) != assignee);
        if (!isNew) return null;
        return new Notification(task.TenantId, assignee, NotificationKind.TaskAssigned,
            $"Task assigned to you: {Describe(task.Name ?? task.ElementId, task.ProcessName, task.BusinessKey)}", TaskLink(task.Id), now);
    }

    /// <summary>
    /// The process's name as people read it: the completing command wrote the instance's last task row in this same
    /// save, and task rows carry the process name; else (an instance ending in a job) the definition key.
    /// </summary>
    private static string ProcessNameOf(DbContext context, ProcessInstance instance) =>
        context.ChangeTracker.Entries<UserTask>().Select(e => e.Entity)
            .FirstOrDefault(t => t.ProcessInstanceId == instance.Id && !string.IsNullOrWhiteSpace(t.ProcessName))?.ProcessName
        ?? instance.DefinitionKey;

    private static Notification? Completed(EntityEntry<ProcessInstance> entry, string processName, DateTimeOffset now)
    {
        var instance = entry.Entity;
        if (entry.State != EntityState.Modified || instance.Status != InstanceStatus.Completed || instance.StartedBy is not { } starter
            || entry.OriginalValues.GetValue<InstanceStatus>(nameof(ProcessInstance.Status)) == InstanceStatus.Completed)
            return null;
        return new Notification(instance.TenantId, starter, NotificationKind.RequestCompleted,
            $"Your request completed: {Describe(processName, null, instance.BusinessKey)}", RequestLink(instance.Id), now);
    }

    public static string TaskLink(string taskId) => $"/tasks/{Uri.EscapeDataString(taskId)}";

    public static string RequestLink(string instanceId) => $"/portal/requests/{Uri.EscapeDataString(instanceId)}";

    public static string Describe(string what, string? process, string? businessKey) =>
        what + (process is null || process == what ? "" : $" ({process})") + (businessKey is null ? "" : $" · {businessKey}");
}
