using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;
using DomainIncident = Wbpm.Domain.Jobs.Incident;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Camunda-style external task workers (task.work): fetch-and-lock by topic, then complete, report a failure (retries
/// 0 raises an incident) or a BPMN error, or extend the lock. Only the worker holding an unexpired lock may act.
/// </summary>
public sealed class ExternalTaskService(
    TenantDbContextFactory contexts, ICurrentUser currentUser, InstanceCommands commands, AuditTrail audit, TimeProvider time)
{
    public const int MaxTasksPerFetch = 100;
    public const int MaxRetries = Domain.Jobs.Job.MaxRetries;

    /// <summary>
    /// An operator gives a failed external task new retries (operations.manage): it is fetchable again now, its open
    /// incident is resolved and the instance's incident flag follows, audited, in one commit.
    /// </summary>
    public async Task SetRetriesAsync(string id, int retries, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsManage);
        if (retries is < 1 or > MaxRetries)
            throw ValidationException.For("retries", $"retries must be between 1 and {MaxRetries}.");
        await using var db = contexts.Create();
        var task = await db.ExternalTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("External task", id);
        var now = time.GetUtcNow();
        var before = new { task.Retries };
        task.SetRetries(retries);
        var prefix = IncidentMessagePrefix(task.Id);
        var incidents = await db.Incidents.Where(i => i.ProcessInstanceId == task.ProcessInstanceId && i.JobId == null
            && i.ElementId == task.ElementId && i.Status == IncidentStatus.Open && i.Message.StartsWith(prefix)).ToListAsync(cancellationToken);
        var actor = currentUser.UserName ?? currentUser.UserId ?? "unknown";
        foreach (var incident in incidents)
            incident.Resolve(actor, now);
        await InstanceIncidentFlag.RefreshAsync(db, task.ProcessInstanceId, cancellationToken);
        audit.Record(db, "external-task.retries-set", "ExternalTask", task.Id, before,
            new { task.Retries, ResolvedIncidents = incidents.Select(i => i.Id).ToList() });
        await SaveAsync(db, id, cancellationToken);
    }

    /// <summary>How the incident of a failed external task starts: it names the task, which is how retries find it.</summary>
    private static string IncidentMessagePrefix(string taskId) => $"External task '{taskId}' ";

    public async Task<IReadOnlyList<LockedExternalTask>> FetchAndLockAsync(FetchAndLockRequest request, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        var workerId = RequiredWorker(request.WorkerId);
        if (request.MaxTasks is < 1 or > MaxTasksPerFetch)
            throw ValidationException.For("maxTasks", $"maxTasks is 1 to {MaxTasksPerFetch}.");
        if (request.Topics is not { Count: > 0 } || request.Topics.Any(t => string.IsNullOrWhiteSpace(t.TopicName) || t.LockDuration <= 0))
            throw ValidationException.For("topics", "Give at least one topic, each with a topicName and a positive lockDuration (milliseconds).");

        var locked = new List<LockedExternalTask>();
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        foreach (var topic in request.Topics)
        {
            var candidates = await db.ExternalTasks
                .Where(t => t.Topic == topic.TopicName && (t.LockExpiresAt == null || t.LockExpiresAt <= now) && (t.Retries == null || t.Retries > 0))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(request.MaxTasks - locked.Count).ToListAsync(cancellationToken);
            foreach (var task in candidates)
            {
                var until = now.AddMilliseconds(topic.LockDuration);
                // Conditional UPDATE: another worker that locked the same row first makes this match nothing.
                var claimed = await db.ExternalTasks
                    .Where(t => t.Id == task.Id && t.WorkerId == task.WorkerId && t.LockExpiresAt == task.LockExpiresAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.WorkerId, workerId).SetProperty(t => t.LockExpiresAt, until), cancellationToken);
                if (claimed == 0)
                    continue;
                var instance = await db.ProcessInstances.AsNoTracking().FirstAsync(i => i.Id == task.ProcessInstanceId, cancellationToken);
                var variables = instance.State().VariablesVisibleAt(task.TokenId) ?? new Dictionary<string, JsonElement>();
                locked.Add(new LockedExternalTask(task.Id, task.Topic, workerId, until, task.ProcessInstanceId, task.DefinitionKey,
                    task.ElementId, task.Retries, task.ErrorMessage, variables));
            }
            if (locked.Count >= request.MaxTasks)
                break;
        }
        return locked;
    }

    public Task CompleteAsync(string id, string workerId, IReadOnlyDictionary<string, JsonElement>? variables, CancellationToken cancellationToken = default) =>
        RunEngineCommandAsync(id, workerId, new CompleteExternalTask(id, variables), cancellationToken);

    public Task BpmnErrorAsync(string id, string workerId, string errorCode, string? errorMessage, IReadOnlyDictionary<string, JsonElement>? variables,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(errorCode))
            throw ValidationException.For("errorCode", "An errorCode is required.");
        return RunEngineCommandAsync(id, workerId, new ExternalTaskBpmnError(id, errorCode.Trim(), errorMessage, variables), cancellationToken);
    }

    /// <summary>The worker failed: retries left make the task fetchable again after <paramref name="retryTimeout"/> ms; 0 raises an incident.</summary>
    public async Task FailureAsync(string id, string workerId, string? errorMessage, int retries, long retryTimeout, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        if (retries < 0)
            throw ValidationException.For("retries", "retries cannot be negative.");
        if (retryTimeout < 0)
            throw ValidationException.For("retryTimeout", "retryTimeout cannot be negative.");
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var task = await LockedByAsync(db, id, workerId, now, cancellationToken);
        var message = string.IsNullOrWhiteSpace(errorMessage) ? "The external worker reported a failure without a message." : errorMessage;
        task.Fail(message, retries, now.AddMilliseconds(retryTimeout));
        if (retries == 0)
        {
            db.Incidents.Add(DomainIncident.ForInstance(Guid.CreateVersion7().ToString("N"), task.TenantId, task.ProcessInstanceId, task.ElementId,
                IncidentMessagePrefix(task.Id) + $"(topic '{task.Topic}') failed with no retries left: {message}", now));
            var instance = await db.ProcessInstances.FirstAsync(i => i.Id == task.ProcessInstanceId, cancellationToken);
            instance.SetHasIncident(true);
        }
        await SaveAsync(db, id, cancellationToken);
    }

    public async Task ExtendLockAsync(string id, string workerId, long newDuration, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        if (newDuration <= 0)
            throw ValidationException.For("newDuration", "newDuration must be a positive number of milliseconds.");
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var task = await LockedByAsync(db, id, workerId, now, cancellationToken);
        task.ExtendLock(now.AddMilliseconds(newDuration));
        await SaveAsync(db, id, cancellationToken);
    }

    private async Task RunEngineCommandAsync(string id, string workerId, EngineCommand command, CancellationToken cancellationToken)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var task = await LockedByAsync(db, id, workerId, now, cancellationToken);
        try
        {
            await commands.StageAsync(db, task.ProcessInstanceId, command, now, cancellationToken);
        }
        catch (CommandRejectedException e)
        {
            throw new RuntimeConflictException(e.Message);
        }
        try
        {
            await commands.CommitAsync(db, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuntimeConflictException($"External task '{id}' or its instance changed while this request ran; fetch it again.");
        }
    }

    private static async Task<ExternalTask> LockedByAsync(WbpmDbContext db, string id, string workerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var worker = RequiredWorker(workerId);
        var task = await db.ExternalTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("External task", id);
        if (!task.IsLockedBy(worker, now))
            throw new RuntimeConflictException(task.WorkerId is null || task.LockExpiresAt <= now
                ? $"External task '{id}' is not locked by worker '{worker}' (its lock expired or it was never fetched): fetch and lock it first."
                : $"External task '{id}' is locked by another worker.");
        return task;
    }

    private static async Task SaveAsync(WbpmDbContext db, string id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuntimeConflictException($"External task '{id}' changed while this request ran (its lock moved); fetch it again.");
        }
    }

    private static string RequiredWorker(string? workerId) =>
        string.IsNullOrWhiteSpace(workerId) ? throw ValidationException.For("workerId", "A workerId is required.") : workerId.Trim();
}
