using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Group commit: several claimed jobs of different instances run in ONE context and commit together, instead of a
/// context, a transaction and a commit per job (the executor's limit, docs/benchmarks.md). All or nothing: when any
/// handler throws or the commit fails (a concurrency conflict, a lost lock), nothing of the batch was saved and the
/// caller runs every job of it again on its own with <see cref="RunAsync"/>, so a failing job never takes another's
/// work with it and retries, incidents and conflicts stay exactly as for a single job.
/// </summary>
public sealed partial class JobRunner
{
    /// <summary>Whether <paramref name="job"/> may share a commit with others (its handler says so).</summary>
    public bool CanShareCommit(Job job) => _handlers.TryGetValue(job.Kind, out var handler) && handler.SharesCommits;

    /// <param name="jobs">Claimed jobs of one tenant, each of a different instance, whose handlers share commits.</param>
    /// <returns>True when every job of the batch completed in one commit; false when nothing was saved.</returns>
    public async Task<bool> TryRunBatchAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        var tenantId = jobs[0].TenantId;
        if (jobs.Any(j => j.TenantId != tenantId || !CanShareCommit(j) || j.ProcessInstanceId is null)
            || jobs.Select(j => j.ProcessInstanceId).Distinct(StringComparer.Ordinal).Count() != jobs.Count)
            throw new ArgumentException("A batch holds jobs of one tenant and of different instances, whose handlers share commits.", nameof(jobs));
        var now = _time.GetUtcNow();
        // Shutting down, or a lock that ran out in the queue: the single-job path releases them correctly.
        if (cancellationToken.IsCancellationRequested || jobs.Any(j => j.LockOwner is null || j.LockExpiresAt <= now))
            return false;

        try
        {
            await using (var db = _contexts.Create(TenantScope.For(tenantId)))
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                foreach (var job in jobs)
                    db.Jobs.Attach(job);
                foreach (var job in jobs)
                {
                    await _handlers[job.Kind].HandleAsync(new JobExecution(job, db, now, job.LockOwner!), cancellationToken);
                    job.Complete(job.LockOwner!);
                    db.Jobs.Remove(job);
                }
                // The handlers' reads are done: the save joins the group commit, which takes contexts without a connection.
                await db.Database.CloseConnectionAsync();
                await _handOff.CommitAsync(db, now, OwnedInstances(jobs), cancellationToken);
            }
            foreach (var job in jobs)
                _metrics.RecordJobExecuted(job.Kind);
            return true;
        }
        catch (Exception e)
        {
            // Any cause (a handler's failure, a conflict, a cancellation): nothing committed, each job runs alone next.
            LogBatchFallback(_logger, e, jobs.Count);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A batch of {Count} jobs did not commit together; running them one by one.")]
    private static partial void LogBatchFallback(ILogger logger, Exception exception, int count);
}
