using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Jobs;

/// <summary>
/// A unit of background work of the engine (an async continuation, a timer, a script, ...), stored in the same
/// database and transaction as the instance state that scheduled it, so it can never be lost or orphaned.
/// A worker locks it (owner + expiry) before running it; a lock that expires (crashed worker) frees it again.
/// Failures spend retries with the retry cycle's backoff; at zero retries an <see cref="Incident"/> is raised and
/// the job waits for an operator. Running a job is at-least-once: handlers must be idempotent.
/// </summary>
public sealed class Job : ITenantOwned
{
    public const int MaxErrorLength = 4000;
    public const int MaxRetries = Jobs.RetryCycle.MaxAttempts;

    private Job() { Id = TenantId = Kind = RetryCycle = ""; }

    public Job(NewJob job, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(job);
        Id = Required(job.Id, "Id");
        TenantId = Required(job.TenantId, "TenantId");
        Kind = Required(job.Kind, "Kind");
        var cycle = Jobs.RetryCycle.Parse(job.RetryCycle);
        var retries = job.Retries ?? cycle.Attempts;
        if (retries is < 1 or > MaxRetries)
            throw ValidationException.For("Retries", $"A job has 1 to {MaxRetries} retries.");
        ProcessInstanceId = job.ProcessInstanceId;
        ElementId = job.ElementId;
        TokenId = job.TokenId;
        Payload = job.Payload;
        DueAt = job.Due;
        Priority = job.Priority;
        RetriesLeft = retries;
        RetryCycle = cycle.ToString();
        // Exclusivity is about one instance's state: a job without an instance has nothing to serialise against.
        Exclusive = job.Exclusive && job.ProcessInstanceId is not null;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string? ProcessInstanceId { get; private set; }
    public string Kind { get; private set; }
    public string? ElementId { get; private set; }
    public string? TokenId { get; private set; }
    public string? Payload { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public int Priority { get; private set; }
    public int RetriesLeft { get; private set; }
    public string RetryCycle { get; private set; }
    public string? LockOwner { get; private set; }
    public DateTimeOffset? LockExpiresAt { get; private set; }
    public string? LastError { get; private set; }
    public bool Exclusive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Waiting for an operator: no retries left (an incident is open).</summary>
    public bool IsFailed => RetriesLeft == 0;

    public bool IsLockedAt(DateTimeOffset now) => LockOwner is not null && LockExpiresAt > now;

    /// <summary>Due, with retries left, and not held by a live lock: a worker may take it.</summary>
    public bool IsAcquirableAt(DateTimeOffset now) => RetriesLeft > 0 && DueAt <= now && !IsLockedAt(now);

    /// <summary>
    /// Takes the lock for <paramref name="owner"/>. Acquisition does the same in one conditional UPDATE for a batch
    /// (rows affected = claimed); this method states the rule for code that holds a single job.
    /// </summary>
    public void Lock(string owner, DateTimeOffset now, TimeSpan duration)
    {
        if (string.IsNullOrWhiteSpace(owner))
            throw new ArgumentException("A lock needs an owner.", nameof(owner));
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lock lasts a positive time.");
        if (!IsAcquirableAt(now))
            throw new InvalidOperationException($"Job '{Id}' cannot be locked: it is not due, has no retries left or is locked by '{LockOwner}'.");
        LockOwner = owner;
        LockExpiresAt = LockExpiry(now, duration);
    }

    /// <summary>
    /// When a lock taken at <paramref name="now"/> runs out, in whole milliseconds: PostgreSQL keeps microseconds, and
    /// the lock is the job's concurrency token (and what a claim reads its jobs back by), so it must read back equal.
    /// </summary>
    public static DateTimeOffset LockExpiry(DateTimeOffset now, TimeSpan duration)
    {
        var expiry = now + duration;
        return new DateTimeOffset(expiry.UtcTicks - expiry.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>Checks that <paramref name="owner"/> still holds the job before it is completed (deleted).</summary>
    public void Complete(string owner) => RequireOwner(owner);

    /// <summary>Gives the job back without spending a retry (a concurrency conflict, a shutdown).</summary>
    public void Release(string owner)
    {
        RequireOwner(owner);
        Unlock();
    }

    /// <summary>
    /// Records a failed attempt: one retry less; the next attempt waits the retry cycle's interval. The last failure
    /// raises an incident and leaves the job at zero retries until an operator sets new ones.
    /// </summary>
    public JobFailureOutcome Fail(string owner, string error, DateTimeOffset now, string incidentId)
    {
        RequireOwner(owner);
        Unlock();
        LastError = Truncate(string.IsNullOrWhiteSpace(error) ? "The job failed without a message." : error);
        RetriesLeft--;
        if (RetriesLeft > 0)
        {
            DueAt = now + Jobs.RetryCycle.Parse(RetryCycle).Interval;
            return new JobFailureOutcome(DueAt, null);
        }
        return new JobFailureOutcome(null, Incident.ForFailedJob(incidentId, this, now));
    }

    /// <summary>An operator gives the job new retries: it is due now. A job that is running keeps its lock.</summary>
    public void SetRetries(int retries, DateTimeOffset now)
    {
        if (retries is < 1 or > MaxRetries)
            throw ValidationException.For("Retries", $"Retries must be between 1 and {MaxRetries}.");
        RetriesLeft = retries;
        DueAt = now;
    }

    private void RequireOwner(string owner)
    {
        if (LockOwner is null || LockOwner != owner)
            throw new InvalidOperationException($"Job '{Id}' is not locked by '{owner}' (lock owner: '{LockOwner ?? "none"}').");
    }

    private void Unlock()
    {
        LockOwner = null;
        LockExpiresAt = null;
    }

    internal static string Truncate(string text) =>
        text.Length <= MaxErrorLength ? text : string.Concat(text.AsSpan(0, MaxErrorLength - 1), "…");

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw ValidationException.For(field, $"A job needs a {field}.") : value;
}
