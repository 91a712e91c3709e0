using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using Wbpm.Infrastructure.Jobs;

namespace Wbpm.Infrastructure.Runtime.Handlers;

/// <summary>Delivers a message an instance published (send task, message throw/end). Nobody waiting: it is dropped, as in Camunda 7.</summary>
public sealed class PublishMessageHandler(MessageCorrelation correlation) : IJobHandler
{
    public string Kind => RuntimeJobKinds.PublishMessage;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Read<PublishMessagePayload>(job.Job);
        await correlation.StageAsync(job.Db, payload.Name, payload.CorrelationKey, payload.Variables, job.Now, cancellationToken);
    }
}

public sealed class BroadcastSignalHandler(SignalBroadcasting signals) : IJobHandler
{
    public string Kind => RuntimeJobKinds.BroadcastSignal;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Read<BroadcastSignalPayload>(job.Job);
        await signals.StageAsync(job.Db, payload.Name, payload.Variables, job.Now, cancellationToken);
    }
}

/// <summary>
/// Starts the child instance of a call activity (latest version of the called key). Skipped when the parent no longer
/// waits for the call (it was cancelled before this job ran), so a late start never orphans a child.
/// </summary>
public sealed class StartChildHandler(InstanceCommands commands, ExecutableDefinitions definitions) : IJobHandler
{
    public string Kind => RuntimeJobKinds.StartChild;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Read<StartChildPayload>(job.Job);
        var parent = await job.Db.ProcessInstances.FindAsync([payload.ParentInstanceId], cancellationToken);
        if (parent is null || !parent.State().Waits.Any(w => w.Id == payload.CallId && w.Kind == WaitKind.ChildInstance))
            return;
        if (await job.Db.ProcessInstances.AnyAsync(i => i.ParentInstanceId == parent.Id && i.ParentCallId == payload.CallId, cancellationToken))
            return;
        var definition = await definitions.GetLatestAsync(job.Db, payload.CalledElement, cancellationToken);
        await commands.StageStartAsync(job.Db, definition,
            new StartInstance(null, payload.BusinessKey, payload.Variables, parent.StartedBy, new ParentCall(parent.Id, payload.CallId)),
            job.Now, cancellationToken);
    }
}

public sealed class CancelChildHandler(InstanceCommands commands) : IJobHandler
{
    public string Kind => RuntimeJobKinds.CancelChild;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Read<CancelChildPayload>(job.Job);
        var childId = await job.Db.ProcessInstances
            .Where(i => i.ParentInstanceId == payload.ParentInstanceId && i.ParentCallId == payload.CallId && i.Status == InstanceStatus.Active)
            .Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (childId is null)
            return;
        try
        {
            await commands.StageAsync(job.Db, childId, new CancelInstance("The calling activity was cancelled."), job.Now, cancellationToken);
        }
        catch (CommandRejectedException)
        {
            // The child ended on its own meanwhile.
        }
    }
}

/// <summary>Tells the parent of a called instance that it ended (variables for the out mappings, or an uncaught error).</summary>
public sealed class NotifyParentHandler(InstanceCommands commands) : IJobHandler
{
    public string Kind => RuntimeJobKinds.NotifyParent;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = JobPayload.Read<NotifyParentPayload>(job.Job);
        var parent = await job.Db.ProcessInstances.FindAsync([payload.ParentInstanceId], cancellationToken);
        if (parent is null || parent.Status != InstanceStatus.Active)
            return;
        try
        {
            await commands.StageAsync(job.Db, parent.Id,
                new ChildInstanceEnded(payload.CallId, payload.Variables, payload.ErrorCode, payload.ErrorMessage), job.Now, cancellationToken);
        }
        catch (CommandRejectedException)
        {
            // The call activity was interrupted before the child ended.
        }
    }
}
