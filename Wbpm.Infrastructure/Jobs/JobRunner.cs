using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Observability;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Runs one claimed job: finds its handler, gives it a context of the job's tenant with the job attached, then
/// deletes the job and saves in one SaveChanges (on SQLite in the <see cref="GroupCommit"/> with the commands and other
/// jobs committing at the same time: a job's own transaction would wait, polling, for the one writer's lock). A failure is recorded in a fresh context (the handler's changes
/// are dropped); a concurrency conflict or a shutdown releases the lock without spending a retry.
/// </summary>
public sealed partial class JobRunner
{
    private readonly WbpmDbContextFactory _contexts;
    private readonly LocalJobHandOff _handOff;
    private readonly Dictionary<string, IJobHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly IJobWakeUp _wakeUp;
    private readonly WbpmMetrics _metrics;
    private readonly ILogger<JobRunner> _logger;

    public JobRunner(WbpmDbContextFactory contexts, LocalJobHandOff handOff, IEnumerable<IJobHandler> handlers, TimeProvider time,
        IJobWakeUp wakeUp, WbpmMetrics metrics, ILogger<JobRunner> logger)
    {
        _contexts = contexts;
        _handOff = handOff;
        _time = time;
        _wakeUp = wakeUp;
        _metrics = metrics;
        _logger = logger;
        _handlers = new Dictionary<string, IJobHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
                throw new InvalidOperationException(
                    $"Two job handlers are registered for kind '{handler.Kind}': {_handlers[handler.Kind].GetType().Name} and {handler.GetType().Name}.");
        }
    }

    /// <param name="job">A job this worker claimed (detached; its lock values are the concurrency token).</param>
    /// <param name="cancellationToken">Fires when a shutdown's grace period is over.</param>
    public async Task<JobRunOutcome> RunAsync(Job job, CancellationToken cancellationToken)
    {
        var owner = job.LockOwner ?? throw new ArgumentException($"Job '{job.Id}' is not locked.", nameof(job));
        if (!_handlers.TryGetValue(job.Kind, out var handler))
            return await FailAsync(job, owner, "unknown", $"No job handler is registered for the kind '{job.Kind}'.");
        if (cancellationToken.IsCancellationRequested)
            return await ReleaseAsync(job, owner, JobRunOutcome.Released);
        // Waited in the local queue until its lock ran out: another node may run it now, so this one must not.
        if (job.LockExpiresAt <= _time.GetUtcNow())
            return await ReleaseAsync(job, owner, JobRunOutcome.LockLost);

        try
        {
            await using (var db = _contexts.Create(TenantScope.For(job.TenantId)))
            {
                db.Jobs.Attach(job);
                var now = _time.GetUtcNow();
                await handler.HandleAsync(new JobExecution(job, db, now, owner), cancellationToken);
                job.Complete(owner);
                db.Jobs.Remove(job);
                // Post-commit hand-off: a follow-up job due now starts without waiting for the next poll.
                await _handOff.CommitAsync(db, now, OwnedInstances([job]), cancellationToken);
            }
            _metrics.RecordJobExecuted(job.Kind);
            return JobRunOutcome.Completed;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another command changed the same instance (or took the job over): not the job's fault.
            _metrics.RecordJobConflict(job.Kind);
            var outcome = await ReleaseAsync(job, owner, JobRunOutcome.Conflict);
            _wakeUp.Notify();
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await ReleaseAsync(job, owner, JobRunOutcome.Released);
        }
        catch (Exception e)
        {
            // A handler may throw anything; the job boundary must record every failure on the job, never lose it.
            return await FailAsync(job, owner, job.Kind, Describe(e));
        }
    }

    /// <summary>
    /// The instances of the running exclusive jobs: while such a job holds its lock no other exclusive job of its
    /// instance can (the claim's rule), so the follow-up jobs its run creates may go to this executor unclaimed.
    /// </summary>
    private static IEnumerable<string> OwnedInstances(IEnumerable<Job> running) =>
        running.Where(j => j.Exclusive && j.ProcessInstanceId is not null).Select(j => j.ProcessInstanceId!);

    private async Task<JobRunOutcome> FailAsync(Job job, string owner, string kindTag, string error)
    {
        await using var db = _contexts.Create(TenantScope.For(job.TenantId));
        db.Jobs.Attach(job);
        var outcome = job.Fail(owner, error, _time.GetUtcNow(), Guid.NewGuid().ToString("N"));
        if (outcome.Incident is { } incident)
        {
            db.Incidents.Add(incident);
            await MarkInstanceAsync(db, job.ProcessInstanceId);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Not cancellable: a shutdown must not lose the record of a failed attempt.
                await db.SaveChangesAsync(CancellationToken.None);
                break;
            }
            catch (DbUpdateConcurrencyException e) when (attempt < 3 && e.Entries.All(entry => entry.Entity is ProcessInstance))
            {
                // A command moved the instance meanwhile: mark its new revision (the job's own lock still holds).
                foreach (var entry in e.Entries)
                    await entry.ReloadAsync(CancellationToken.None);
                await MarkInstanceAsync(db, job.ProcessInstanceId);
            }
            catch (DbUpdateConcurrencyException)
            {
                LogLockLost(_logger, job.Id, owner);
                return JobRunOutcome.LockLost;
            }
        }
        _metrics.RecordJobFailed(kindTag);
        if (outcome.Incident is not null)
            LogIncident(_logger, job.Id, job.Kind, error);
        else
            LogFailed(_logger, job.Id, job.Kind, job.RetriesLeft, error);
        return JobRunOutcome.Failed;
    }

    /// <summary>The job's instance (if it still exists) shows the incident: its engine state does not know about it.</summary>
    private static async Task MarkInstanceAsync(WbpmDbContext db, string? instanceId)
    {
        if (instanceId is not null && await db.ProcessInstances.FindAsync([instanceId], CancellationToken.None) is { } instance)
            instance.SetHasIncident(true);
    }

    /// <summary>Gives back a claimed job that never started (shutdown), without spending a retry.</summary>
    public Task<JobRunOutcome> ReleaseAsync(Job job) =>
        ReleaseAsync(job, job.LockOwner ?? throw new ArgumentException($"Job '{job.Id}' is not locked.", nameof(job)), JobRunOutcome.Released);

    private async Task<JobRunOutcome> ReleaseAsync(Job job, string owner, JobRunOutcome outcome)
    {
        var expiry = job.LockExpiresAt;
        await using var db = _contexts.Create(TenantScope.For(job.TenantId));
        var released = await db.Jobs
            .Where(j => j.Id == job.Id && j.LockOwner == owner && j.LockExpiresAt == expiry)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LockOwner, (string?)null)
                .SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        if (released == 0)
        {
            LogLockLost(_logger, job.Id, owner);
            return JobRunOutcome.LockLost;
        }
        return outcome;
    }

    /// <summary>The exception's type and message, with its inner exceptions' (stack traces belong in the log).</summary>
    private static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
                text.Append(" ---> ");
            text.Append(e.GetType().Name).Append(": ").Append(e.Message);
        }
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed, {RetriesLeft} retries left: {Error}")]
    private static partial void LogFailed(ILogger logger, string jobId, string kind, int retriesLeft, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed with no retries left; an incident was raised: {Error}")]
    private static partial void LogIncident(ILogger logger, string jobId, string kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the lock of {Owner} expired and was taken over; this attempt's outcome was discarded.")]
    private static partial void LogLockLost(ILogger logger, string jobId, string owner);
}
