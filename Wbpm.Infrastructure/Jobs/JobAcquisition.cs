using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Observability;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Claims due jobs for one executor: a read picks candidates, then ONE conditional UPDATE locks those still free
/// (rows affected = claimed), and a read returns the claimed rows. Two executors can pick the same candidates;
/// the UPDATE re-checks every condition, so each job is claimed by exactly one of them.
/// Exclusive jobs of one instance never run at the same time: a candidate is skipped while another exclusive job
/// of its instance holds a live lock, and a batch takes at most one exclusive job per instance.
/// </summary>
public sealed class JobAcquisition(WbpmDbContextFactory contexts, GroupCommit groupCommit, TimeProvider time, WbpmMetrics metrics)
{
    // Any constant works; it only has to be the same on every node sharing the database.
    private const long PostgresClaimLockKey = 0x5762706D4A6F6273; // "WbpmJobs"

    /// <summary>Claims up to <paramref name="maxJobs"/> due jobs for <paramref name="lockOwner"/>.</summary>
    public async Task<AcquiredJobs> AcquireAsync(string lockOwner, int maxJobs, TimeSpan lockDuration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        await using var db = contexts.Create(TenantScope.AllTenants);
        // One connection for the select, the claim and the read-back (EF would otherwise open one per command).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var candidates = await Acquirable(db, now)
            .OrderByDescending(j => j.Priority).ThenBy(j => j.DueAt)
            .Select(j => new Candidate(j.Id, j.ProcessInstanceId, j.Exclusive))
            // Extra rows make up for exclusive jobs of one instance, which a batch takes one at a time.
            .Take(maxJobs * 2)
            .ToListAsync(cancellationToken);
        var ids = OneExclusivePerInstance(candidates).Take(maxJobs).ToList();
        if (ids.Count == 0)
        {
            metrics.RecordJobAcquisition(Stopwatch.GetElapsedTime(started), 0);
            return new AcquiredJobs([], 0);
        }

        var expiry = Job.LockExpiry(now, lockDuration);
        var claimed = await ClaimAsync(db, ids, lockOwner, now, expiry, cancellationToken);

        IReadOnlyList<Job> jobs = claimed == 0
            ? []
            : await db.Jobs.AsNoTracking()
                .Where(j => EF.Parameter(ids).Contains(j.Id) && j.LockOwner == lockOwner && j.LockExpiresAt == expiry)
                .ToListAsync(cancellationToken);
        metrics.RecordJobAcquisition(Stopwatch.GetElapsedTime(started), jobs.Count);
        return new AcquiredJobs(jobs, ids.Count);
    }

    /// <summary>When the next job that is not yet due becomes due (null: none), so an idle executor sleeps just long enough.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = contexts.Create(TenantScope.AllTenants);
        return await db.Jobs.Where(j => j.RetriesLeft > 0 && j.DueAt > now)
            .OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Due, with retries left, not under a live lock, and (if exclusive) its instance not busy with another exclusive job.</summary>
    private static IQueryable<Job> Acquirable(WbpmDbContext db, DateTimeOffset now) =>
        db.Jobs.Where(j => j.RetriesLeft > 0 && j.DueAt <= now
            && (j.LockExpiresAt == null || j.LockExpiresAt <= now)
            && (!j.Exclusive || !db.Jobs.Any(other => other.ProcessInstanceId == j.ProcessInstanceId
                && other.Exclusive && other.Id != j.Id && other.LockExpiresAt != null && other.LockExpiresAt > now)));

    /// <summary>
    /// The one per-provider spot. SQLite runs one writer at a time, so the conditional UPDATE alone is atomic with
    /// its exclusivity check; it runs in the group commit, as the saves of commands and jobs do, instead of competing
    /// with them for the lock. PostgreSQL runs concurrent UPDATEs on snapshots that cannot see each other's new
    /// locks, so two nodes could claim two exclusive jobs of one instance; a transaction-scoped advisory lock makes
    /// claims take turns (the UPDATE is a few milliseconds; running the jobs is not serialised). This is the same
    /// idea as Quartz's TRIGGER_ACCESS lock.
    /// </summary>
    /// <returns>How many of <paramref name="ids"/> were claimed.</returns>
    private async Task<int> ClaimAsync(WbpmDbContext db, List<string> ids, string lockOwner, DateTimeOffset now, DateTimeOffset expiry,
        CancellationToken cancellationToken)
    {
        if (contexts.Provider != DatabaseProvider.PostgreSql)
        {
            var claimed = 0;
            await groupCommit.WriteAsync(async writer => claimed = await Claim(writer, ids, lockOwner, now, expiry, CancellationToken.None),
                cancellationToken);
            return claimed;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresClaimLockKey})", cancellationToken);
        var count = await Claim(db, ids, lockOwner, now, expiry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <remarks>
    /// The ids go as ONE parameter (a JSON array on SQLite, an array on PostgreSQL): a parameter per id would give every
    /// batch size its own SQL, generated and prepared again each time, on the group commit's one writer.
    /// </remarks>
    private static Task<int> Claim(WbpmDbContext db, List<string> ids, string lockOwner, DateTimeOffset now, DateTimeOffset expiry,
        CancellationToken cancellationToken) =>
        Acquirable(db, now)
            .Where(j => EF.Parameter(ids).Contains(j.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LockOwner, lockOwner)
                .SetProperty(j => j.LockExpiresAt, expiry), cancellationToken);

    private static IEnumerable<string> OneExclusivePerInstance(IEnumerable<Candidate> candidates)
    {
        var busyInstances = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.Exclusive && candidate.ProcessInstanceId is { } instance && !busyInstances.Add(instance))
                continue;
            yield return candidate.Id;
        }
    }

    private sealed record Candidate(string Id, string? ProcessInstanceId, bool Exclusive);
}

/// <summary>
/// The claimed jobs, and how many candidates the claim tried: fewer claimed than tried means another node won some
/// of them (more work is probably due), not that the table is empty.
/// </summary>
public sealed record AcquiredJobs(IReadOnlyList<Job> Jobs, int Candidates)
{
    public bool LostRaces => Jobs.Count < Candidates;
}
