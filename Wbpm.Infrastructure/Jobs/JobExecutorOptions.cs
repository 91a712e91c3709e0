using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>Bound from <c>Wbpm:Jobs</c>: how the local job executor acquires and runs jobs.</summary>
public sealed class JobExecutorOptions
{
    public const string SectionName = "Wbpm:Jobs";

    public bool Enabled { get; set; } = true;

    /// <summary>Jobs run at the same time on this node. Unset: 2 on SQLite (one writer at a time), 8 on PostgreSQL.</summary>
    public int? Workers { get; set; }

    /// <summary>Most jobs claimed by one acquisition (fewer when fewer workers are free).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// Most jobs one worker runs in one context with one commit (jobs whose handler <see cref="IJobHandler.SharesCommits"/>,
    /// of different instances of one tenant). 1 turns group commit off.
    /// </summary>
    public int CommitBatchSize { get; set; } = 16;

    /// <summary>How long a claimed job stays locked; a crashed node's jobs run again after this.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait after an acquisition found nothing; doubles on every empty poll up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>On shutdown, running jobs get this long to finish before their cancellation token fires.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Names this node in lock owners (with a per-process suffix). Unset: the machine name.</summary>
    public string? NodeId { get; set; }

    public int WorkersFor(DatabaseProvider provider) => Workers ?? (provider == DatabaseProvider.Sqlite ? 2 : 8);

    /// <summary>Throws a clear error for settings the executor cannot run with.</summary>
    public void Validate()
    {
        if (Workers is < 1)
            throw new InvalidOperationException("Wbpm:Jobs:Workers must be at least 1.");
        if (BatchSize < 1)
            throw new InvalidOperationException("Wbpm:Jobs:BatchSize must be at least 1.");
        if (CommitBatchSize < 1)
            throw new InvalidOperationException("Wbpm:Jobs:CommitBatchSize must be at least 1.");
        if (LockDuration <= TimeSpan.Zero)
            throw new InvalidOperationException("Wbpm:Jobs:LockDuration must be positive.");
        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval)
            throw new InvalidOperationException("Wbpm:Jobs:PollInterval must be positive and at most MaxPollInterval.");
        if (ShutdownGracePeriod < TimeSpan.Zero)
            throw new InvalidOperationException("Wbpm:Jobs:ShutdownGracePeriod cannot be negative.");
    }
}
