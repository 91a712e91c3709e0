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
}
