using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// <see cref="ProcessInstance.HasIncident"/> means "an open incident row of this instance exists after this commit":
/// the engine's own incidents, and also failed jobs and external tasks, which the engine state does not know about.
/// </summary>
public static class InstanceIncidentFlag
{
    /// <summary>Recomputes the flag from the incident rows as they will be after SaveChanges (tracked changes included).</summary>
    public static async Task RefreshAsync(WbpmDbContext db, ProcessInstance instance, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<Incident>().Where(e => e.Entity.ProcessInstanceId == instance.Id).ToList();
        var trackedIds = tracked.Select(e => e.Entity.Id).ToList();
        var open = tracked.Any(e => e.State != EntityState.Deleted && e.Entity.Status == IncidentStatus.Open)
            || await db.Incidents.AnyAsync(i => i.ProcessInstanceId == instance.Id && i.Status == IncidentStatus.Open
                && !trackedIds.Contains(i.Id), cancellationToken);
        instance.SetHasIncident(open);
    }

    /// <summary>Refreshes the flag of the instance <paramref name="instanceId"/> (nothing when it is gone).</summary>
    public static async Task RefreshAsync(WbpmDbContext db, string? instanceId, CancellationToken cancellationToken)
    {
        if (instanceId is not null && await db.ProcessInstances.FindAsync([instanceId], cancellationToken) is { } instance)
            await RefreshAsync(db, instance, cancellationToken);
    }
}
