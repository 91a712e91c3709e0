using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Jobs;

/// <summary>
/// Something an operator has to look at: a job that used up its retries (later also engine errors such as an
/// exclusive gateway without a matching flow). Resolved when the job gets new retries or an operator resolves it.
/// </summary>
public sealed class Incident : ITenantOwned
{
    private Incident() { Id = TenantId = Message = ""; }

    private Incident(string id, string tenantId, string? jobId, string? processInstanceId, string? elementId,
        string message, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        JobId = jobId;
        ProcessInstanceId = processInstanceId;
        ElementId = elementId;
        Message = Job.Truncate(message);
        CreatedAt = createdAt;
        Status = IncidentStatus.Open;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string? JobId { get; private set; }
    public string? ProcessInstanceId { get; private set; }
    public string? ElementId { get; private set; }
    public string Message { get; private set; }
    public IncidentStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    public static Incident ForFailedJob(string id, Job job, DateTimeOffset now) =>
        new(id, job.TenantId, job.Id, job.ProcessInstanceId, job.ElementId, job.LastError ?? "The job failed.", now);

    /// <summary>An incident the engine raises itself (no job), e.g. a gateway without a matching flow.</summary>
    public static Incident ForInstance(string id, string tenantId, string processInstanceId, string? elementId,
        string message, DateTimeOffset now) =>
        new(id, tenantId, null, processInstanceId, elementId, message, now);

    public void Resolve(string resolvedBy, DateTimeOffset now)
    {
        if (Status == IncidentStatus.Resolved)
            throw ValidationException.For("", $"Incident '{Id}' was already resolved by {ResolvedBy}.");
        Status = IncidentStatus.Resolved;
        ResolvedAt = now;
        ResolvedBy = resolvedBy;
    }
}
