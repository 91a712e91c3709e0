using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// One run of a claimed job. <see cref="Db"/> is a fresh context scoped to the job's tenant with <see cref="Job"/>
/// attached; the handler loads and changes what it needs there (instance state, tasks, new jobs, ...) and must not
/// call SaveChanges: the executor commits the handler's changes and the job's completion together.
/// </summary>
public sealed class JobExecution(Job job, WbpmDbContext db, DateTimeOffset now, string lockOwner)
{
    public Job Job { get; } = job;
    public WbpmDbContext Db { get; } = db;

    /// <summary>When the attempt started (from the executor's TimeProvider): pass it to the engine as "now".</summary>
    public DateTimeOffset Now { get; } = now;

    public string LockOwner { get; } = lockOwner;
}
