using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Gives the local executor, without a claim, the jobs a commit creates due now for an instance that same commit starts:
/// they are inserted already locked to the executor and queued right after the commit. A claim is a read, a conditional
/// UPDATE on SQLite's one writer and a read-back; for a start followed by an async step it was a fifth of the writer's
/// time (docs/benchmarks.md, S2).
/// Only new instances: no other job of theirs can be running, so taking one exclusive job per instance keeps the claim's
/// rule that exclusive jobs of one instance never run at the same time. If the process dies before such a job runs,
/// its lock expires (<c>Wbpm:Jobs:LockDuration</c>) and any executor claims it, as it would a claimed job.
/// </summary>
public sealed class LocalJobHandOff
{
    private volatile JobExecutor? _executor;

    /// <summary>Whether a local executor is running and takes jobs this way.</summary>
    public bool IsOpen => _executor is not null;

    internal void Open(JobExecutor executor) => _executor = executor;

    internal void Close() => _executor = null;

    /// <summary>
    /// Before the save: locks to the local executor, as far as it has room, the context's new jobs due at
    /// <paramref name="now"/> whose instance the context starts. Returns them for <see cref="Deliver"/> or
    /// <see cref="Withdraw"/>.
    /// </summary>
    public IReadOnlyList<Job> Lock(WbpmDbContext db, DateTimeOffset now)
    {
        if (_executor is not { } executor)
            return [];
        var started = StartedInstances(db);
        if (started.Count == 0)
            return [];
        var locked = new List<Job>();
        var exclusiveTaken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<Job>())
        {
            var job = entry.Entity;
            if (entry.State != EntityState.Added || !job.IsAcquirableAt(now) || job.ProcessInstanceId is not { } instance
                || !started.Contains(instance) || (job.Exclusive && !exclusiveTaken.Add(instance)))
                continue;
            if (!executor.TryReserve())
                break;
            // Whole milliseconds, as a claim's: PostgreSQL keeps microseconds, and the lock is the job's concurrency token.
            var expiry = now + executor.LockDuration;
            expiry = expiry.AddTicks(-(expiry.UtcTicks % TimeSpan.TicksPerMillisecond));
            job.Lock(executor.LockOwner, now, expiry - now);
            locked.Add(job);
        }
        return locked;
    }

    /// <summary>After the commit: the executor queues the jobs (a stopped one leaves them to expire and be claimed).</summary>
    public void Deliver(IReadOnlyList<Job> jobs)
    {
        if (jobs.Count == 0)
            return;
        var executor = _executor;
        foreach (var job in jobs)
        {
            if (executor is not null && executor.LockOwner == job.LockOwner)
                executor.Enqueue(job);
        }
    }

    /// <summary>After a failed save: the jobs are unlocked again (a retry of the save inserts them free) and their room freed.</summary>
    public void Withdraw(IReadOnlyList<Job> jobs)
    {
        var executor = _executor;
        foreach (var job in jobs)
        {
            var owner = job.LockOwner!;
            job.Release(owner);
            if (executor is not null && executor.LockOwner == owner)
                executor.Unreserve();
        }
    }

    private static HashSet<string> StartedInstances(WbpmDbContext db)
    {
        var started = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in db.UntrackedInserts)
            if (row is ProcessInstance instance)
                started.Add(instance.Id);
        foreach (var entry in db.ChangeTracker.Entries<ProcessInstance>())
            if (entry.State == EntityState.Added)
                started.Add(entry.Entity.Id);
        return started;
    }
}
