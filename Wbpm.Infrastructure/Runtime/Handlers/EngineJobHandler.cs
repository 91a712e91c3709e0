using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using Wbpm.Infrastructure.Jobs;

namespace Wbpm.Infrastructure.Runtime.Handlers;

/// <summary>
/// The engine's own jobs (async before/after, timers): <c>RunJob</c> on the job's instance. A job whose instance or
/// wait is gone (the instance ended, a boundary interrupted the activity) is stale: it is dropped, not failed.
/// </summary>
public sealed class EngineJobHandler(string kind, InstanceCommands commands) : IJobHandler
{
    public string Kind { get; } = kind;

    /// <summary>A <c>RunJob</c> changes only the job's own instance (effects on others become outbox jobs).</summary>
    public bool SharesCommits => true;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        if (job.Job.ProcessInstanceId is not { } instanceId)
            return;
        var instance = await job.Db.ProcessInstances.FindAsync([instanceId], cancellationToken);
        if (instance is null || instance.Status != InstanceStatus.Active)
            return;
        try
        {
            await commands.StageAsync(job.Db, instanceId, new RunJob(job.Job.Id), job.Now, cancellationToken, runningJobId: job.Job.Id);
        }
        catch (CommandRejectedException)
        {
            // The instance no longer waits for this job: deleting the job is all that is left to do.
        }
    }
}
