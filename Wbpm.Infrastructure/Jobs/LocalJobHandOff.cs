using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Commits a runtime save and tells the local executor about the jobs it created due now (after the commit, never
/// before). Those of an instance the committer owns go over without a claim: inserted already locked to the executor
/// and queued right after the commit. A claim is a read, a conditional UPDATE on SQLite's one writer and a read-back;
/// for a start followed by an async step it was a fifth of the writer's time (docs/benchmarks.md, S2). Any other due
/// job waits for a claim, and the executor is woken for it.
/// An owned instance is one no other exclusive job of which can be running: an instance the save starts, or the
/// instance of the exclusive job whose run is being saved (the claim's rule let no other of its exclusive jobs be
/// locked, and the save deletes it). Taking one exclusive job per owned instance keeps that rule. If the process dies
/// before a handed-over job runs, its lock expires (<c>Wbpm:Jobs:LockDuration</c>) and any executor claims it, as it
/// would a claimed job.
/// </summary>
public sealed class LocalJobHandOff(GroupCommit groupCommit, IJobWakeUp wakeUp)
{
    private volatile JobExecutor? _executor;

    /// <summary>Whether a local executor is running and takes jobs this way.</summary>
    public bool IsOpen => _executor is not null;

    internal void Open(JobExecutor executor) => _executor = executor;

    internal void Close() => _executor = null;

    /// <summary>
    /// Saves <paramref name="db"/> (<see cref="GroupCommit"/>), handing its new jobs due at <paramref name="now"/> of the
    /// instances it starts and of <paramref name="ownedInstances"/> to the local executor as far as it has room.
    /// </summary>
    public async Task CommitAsync(WbpmDbContext db, DateTimeOffset now, IEnumerable<string> ownedInstances, CancellationToken cancellationToken)
    {
        var dueNow = db.ChangeTracker.Entries<Job>().Count(e => e.State == EntityState.Added && e.Entity.DueAt <= now);
        var handedOver = dueNow == 0 ? [] : Lock(db, now, [.. StartedInstances(db), .. ownedInstances]);
        try
        {
            await groupCommit.SaveAsync(db, cancellationToken);
        }
        catch
        {
            Withdraw(handedOver);
            throw;
        }
        Deliver(handedOver);
        if (dueNow > handedOver.Count)
            wakeUp.Notify();
    }

    /// <summary>Before the save: locks to the local executor, as far as it has room, the new due jobs of <paramref name="owned"/> instances.</summary>
    private List<Job> Lock(WbpmDbContext db, DateTimeOffset now, HashSet<string> owned)
    {
        if (_executor is not { } executor || owned.Count == 0)
            return [];
        var locked = new List<Job>();
        var exclusiveTaken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<Job>())
        {
            var job = entry.Entity;
            if (entry.State != EntityState.Added || !job.IsAcquirableAt(now) || job.ProcessInstanceId is not { } instance
                || !owned.Contains(instance) || (job.Exclusive && !exclusiveTaken.Add(instance)))
                continue;
            if (!executor.TryReserve())
                break;
            job.Lock(executor.LockOwner, now, executor.LockDuration);
            locked.Add(job);
        }
        return locked;
    }

    /// <summary>After the commit: the executor queues the jobs (a stopped one leaves them to expire and be claimed).</summary>
    private void Deliver(List<Job> jobs)
    {
        foreach (var job in jobs)
            _executor?.Enqueue(job);
    }

    /// <summary>After a failed save: the jobs are unlocked again (a retry of the save inserts them free) and their room freed.</summary>
    private void Withdraw(List<Job> jobs)
    {
        foreach (var job in jobs)
        {
            job.Release(job.LockOwner!);
            _executor?.Unreserve();
        }
    }

    private static List<string> StartedInstances(WbpmDbContext db)
    {
        var started = new List<string>();
        foreach (var row in db.UntrackedInserts)
            if (row is ProcessInstance instance)
                started.Add(instance.Id);
        foreach (var entry in db.ChangeTracker.Entries<ProcessInstance>())
            if (entry.State == EntityState.Added)
                started.Add(entry.Entity.Id);
        return started;
    }
}
