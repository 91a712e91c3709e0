using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// What operators do with jobs and incidents of their tenant: list them (operations.view), give a failed job new
/// retries and resolve incidents (operations.manage). Every change is audited in the same SaveChanges.
/// </summary>
public sealed class JobOperations(TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit, TimeProvider time, IJobWakeUp wakeUp)
{
    public const int MaxTake = 1000;

    public async Task<IReadOnlyList<JobView>> ListJobsAsync(string? processInstanceId, int take = 100, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsView);
        await using var db = contexts.Create();
        var jobs = db.Jobs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(processInstanceId))
            jobs = jobs.Where(j => j.ProcessInstanceId == processInstanceId);
        return await jobs.OrderBy(j => j.DueAt).ThenBy(j => j.Id).Take(ValidTake(take))
            .Select(j => new JobView(j.Id, j.ProcessInstanceId, j.Kind, j.ElementId, j.DueAt, j.Priority, j.RetriesLeft,
                j.RetryCycle, j.LockOwner, j.LockExpiresAt, j.LastError, j.Exclusive, j.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IncidentView>> ListIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsView);
        var status = query.ParsedStatus();
        var take = ValidTake(query.Take);
        await using var db = contexts.Create();
        var incidents = db.Incidents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.ProcessInstanceId))
            incidents = incidents.Where(i => i.ProcessInstanceId == query.ProcessInstanceId);
        if (status is not null)
            incidents = incidents.Where(i => i.Status == status);
        var rows = await incidents.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Take(take).ToListAsync(cancellationToken);
        return rows.Select(i => new IncidentView(i.Id, i.JobId, i.ProcessInstanceId, i.ElementId, i.Message,
            i.Status.ToString().ToLowerInvariant(), i.CreatedAt, i.ResolvedAt, i.ResolvedBy)).ToList();
    }

    /// <summary>Gives a job new retries and makes it due now; its open incident is resolved in the same commit.</summary>
    public async Task SetRetriesAsync(string jobId, int retries, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsManage);
        await using var db = contexts.Create();
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken) ?? throw new NotFoundException("Job", jobId);
        var now = time.GetUtcNow();
        var before = new { job.RetriesLeft, job.DueAt };
        job.SetRetries(retries, now);
        var openIncidents = await db.Incidents.Where(i => i.JobId == jobId && i.Status == IncidentStatus.Open).ToListAsync(cancellationToken);
        foreach (var incident in openIncidents)
            incident.Resolve(Actor, now);
        if (openIncidents.Count > 0)
            await InstanceIncidentFlag.RefreshAsync(db, job.ProcessInstanceId, cancellationToken);
        audit.Record(db, "job.retries-set", "Job", job.Id, before,
            new { job.RetriesLeft, job.DueAt, ResolvedIncidents = openIncidents.Select(i => i.Id).ToList() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A worker claimed or finished the job between our read and our write.
            throw ValidationException.For("", $"Job '{jobId}' changed while its retries were being set (it was just picked up or finished); reload and try again.");
        }
        wakeUp.Notify();
    }

    public async Task ResolveIncidentAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsManage);
        await using var db = contexts.Create();
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
            ?? throw new NotFoundException("Incident", incidentId);
        incident.Resolve(Actor, time.GetUtcNow());
        await InstanceIncidentFlag.RefreshAsync(db, incident.ProcessInstanceId, cancellationToken);
        audit.Record(db, "incident.resolved", "Incident", incident.Id, new { Status = "open" }, new { Status = "resolved", incident.ResolvedBy });
        await db.SaveChangesAsync(cancellationToken);
    }

    private string Actor => currentUser.UserName ?? currentUser.UserId ?? "unknown";

    private static int ValidTake(int take) => take is >= 1 and <= MaxTake
        ? take
        : throw ValidationException.For("take", $"take must be between 1 and {MaxTake}.");
}
