using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Notifications;

/// <summary>Bound from <c>Wbpm:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Wbpm:Notifications";

    /// <summary>How often open tasks past their due date are looked for (each one notifies its assignee once).</summary>
    public TimeSpan OverdueSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool OverdueSweepEnabled { get; set; } = true;
}

/// <summary>
/// Tells assignees when their open task passes its due date (due dates come from the model's wbpm:dueDate). Every
/// tenant's tasks in one query; each notification carries its task's tenant. Idempotent: a task is marked
/// (<see cref="UserTask.OverdueNotifiedAt"/>) in the same SaveChanges as its notification, and the mark is a
/// concurrency token, so of two nodes sweeping at once one commits and the other's batch rolls back.
/// </summary>
public sealed class OverdueTaskSweep(
    WbpmDbContextFactory contexts, TimeProvider time, IOptions<NotificationOptions> options, ILogger<OverdueTaskSweep> logger)
    : BackgroundService
{
    public const int BatchSize = 200;

    /// <summary>One pass: notifies the assignees of up to <see cref="BatchSize"/> newly overdue tasks; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(TenantScope.AllTenants);
        var now = time.GetUtcNow();
        var overdue = await db.UserTasks
            .Where(t => t.Status == UserTaskStatus.Open && t.Assignee != null && t.DueDate != null && t.DueDate < now && t.OverdueNotifiedAt == null)
            .OrderBy(t => t.DueDate).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var task in overdue)
        {
            task.MarkOverdueNotified(now);
            db.Notifications.Add(new Notification(task.TenantId, task.Assignee!, NotificationKind.TaskOverdue,
                $"Overdue: {NotificationCapture.Describe(task.Name ?? task.ElementId, task.ProcessName, task.BusinessKey)}",
                NotificationCapture.TaskLink(task.Id), now));
        }
        if (overdue.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OverdueSweepEnabled) return;
        using var timer = new PeriodicTimer(options.Value.OverdueSweepInterval, time);
        do
        {
            try
            {
                while (await SweepAsync(stoppingToken) == BatchSize) { }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node marked (or someone completed) a task of this batch first: the next pass picks up the rest.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The overdue task sweep failed; it runs again at the next interval.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
