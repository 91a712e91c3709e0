using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Jobs;

namespace Wbpm.Infrastructure.Runtime.Handlers;

/// <summary>
/// A timer start event fired: starts an instance of its definition and schedules the next firing of a cycle or cron.
/// A job of a version that is no longer the latest retires (starts nothing, schedules nothing): the new version's
/// deployment scheduled its own.
/// </summary>
public sealed class TimerStartHandler(InstanceCommands commands, ExecutableDefinitions definitions, ITimerSchedule timers) : IJobHandler
{
    public string Kind => RuntimeJobKinds.TimerStart;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Read<TimerStartPayload>(job.Job);
        if (await LatestVersions.QueryAsync(job.Db, payload.DefinitionKey, cancellationToken) != payload.DefinitionId)
            return;
        var definition = await definitions.GetAsync(job.Db, payload.DefinitionId, cancellationToken);
        await commands.StageStartAsync(job.Db, definition, new StartInstance(payload.StartEventId), job.Now, cancellationToken);

        if (payload.Cycle is null || payload.RemainingRepetitions == 0)
            return;
        if (timers.NextCycleDue(payload.Cycle, job.Job.DueAt) is { } next)
            job.Db.Jobs.Add(StartEventActivation.TimerStartJob(job.Job.TenantId,
                payload with { RemainingRepetitions = payload.RemainingRepetitions - 1 }, next, job.Now));
    }
}
