namespace Wbpm.Infrastructure.Jobs;

public enum JobRunOutcome
{
    /// <summary>The handler's changes and the job's deletion committed together.</summary>
    Completed,

    /// <summary>The attempt failed: a retry was spent (or an incident raised).</summary>
    Failed,

    /// <summary>A concurrency conflict: the job was released without spending a retry.</summary>
    Conflict,

    /// <summary>Shutdown interrupted the job: released without spending a retry.</summary>
    Released,

    /// <summary>Another worker took the job over after this one's lock expired: nothing of this attempt was saved.</summary>
    LockLost,
}
