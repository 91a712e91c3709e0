namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/> (register as a singleton or scoped-free service:
/// <c>services.AddSingleton&lt;IJobHandler, MyHandler&gt;()</c>). A handler stages its changes in
/// <see cref="JobExecution.Db"/> and returns; the executor then deletes the job and saves everything in ONE
/// SaveChanges. Throwing fails the attempt (a retry is spent); a <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>
/// is a conflict and releases the job without spending one. Jobs run at least once: handlers must be idempotent.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(JobExecution job, CancellationToken cancellationToken);

    /// <summary>
    /// True when the handler only stages database changes of the job's own instance (no I/O outside the database,
    /// no other instance), so the executor may run several such jobs of different instances in one context and
    /// commit them together (docs/jobs.md, "Group commit"). A handler may then run more than once per attempt:
    /// when the shared commit fails, every job of the batch runs again on its own.
    /// </summary>
    bool SharesCommits => false;
}
