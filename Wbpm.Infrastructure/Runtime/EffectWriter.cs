using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;
using DomainIncident = Wbpm.Domain.Jobs.Incident;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Turns the engine's effects into row changes in the command's context (never saves): task, candidate, external
/// task, job, subscription, history and incident rows; effects that touch other instances become outbox jobs.
/// </summary>
public sealed class EffectWriter
{
    /// <param name="runningJobId">The job being executed, if any: the job executor deletes it itself.</param>
    public async Task WriteAsync(WbpmDbContext db, ProcessInstance instance, ExecutableDefinition definition,
        IReadOnlyList<EngineEffect> effects, DateTimeOffset now, string? runningJobId, CancellationToken cancellationToken)
    {
        var sequence = instance.Revision * HistoryEntry.SequenceBlock;
        // Started rows of this command by activity instance: an end in the same command folds into its start's row.
        Dictionary<string, HistoryEntry>? startedNow = null;
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case UserTaskCreated e:
                    db.UserTasks.Add(new UserTask(e, instance, definition.Process.Name));
                    break;
                case UserTaskCompleted e:
                    (await FindAsync<UserTask>(db, e.TaskId, cancellationToken)).Complete(e.User, e.At);
                    break;
                case UserTaskCancelled e:
                    (await FindAsync<UserTask>(db, e.TaskId, cancellationToken)).Cancel(e.At);
                    break;
                case ExternalTaskCreated e:
                    db.ExternalTasks.Add(new ExternalTask(e, instance));
                    break;
                case ExternalTaskCompleted e:
                    db.ExternalTasks.Remove(await FindAsync<ExternalTask>(db, e.ExternalTaskId, cancellationToken));
                    break;
                case ExternalTaskCancelled e:
                    db.ExternalTasks.Remove(await FindAsync<ExternalTask>(db, e.ExternalTaskId, cancellationToken));
                    break;
                case JobScheduled e:
                    db.Jobs.Add(new Job(new NewJob(e.JobId, instance.TenantId, KindOf(e.Kind), e.DueAt, instance.Id, e.ElementId,
                        e.TokenId, Retries: e.Retries, RetryCycle: e.RetryTimeCycle), now));
                    break;
                case JobCompleted e:
                    await RemoveJobAsync(db, e.JobId, runningJobId, cancellationToken);
                    break;
                case JobCancelled e:
                    await RemoveJobAsync(db, e.JobId, runningJobId, cancellationToken);
                    break;
                case SubscriptionOpened e:
                    db.EventSubscriptions.Add(EventSubscription.ForInstance(e, instance, now));
                    break;
                case SubscriptionClosed e:
                    db.EventSubscriptions.Remove(await FindAsync<EventSubscription>(db, e.SubscriptionId, cancellationToken));
                    break;
                case HistoryEvent { Kind: HistoryEventKind.Completed or HistoryEventKind.Cancelled } e
                    when startedNow?.Remove(e.ActivityInstanceId, out var started) == true:
                    started.EndInSameCommand(e);
                    break;
                case HistoryEvent e:
                    var entry = new HistoryEntry(instance, e, sequence++);
                    if (e.Kind == HistoryEventKind.Started)
                        (startedNow ??= new(StringComparer.Ordinal))[e.ActivityInstanceId] = entry;
                    db.UntrackedInserts.Add(entry);
                    break;
                case IncidentRaised e:
                    db.Incidents.Add(DomainIncident.ForInstance(e.IncidentId, instance.TenantId, instance.Id, e.ElementId, e.Message, e.At));
                    break;
                case IncidentResolved e:
                    var incident = await db.Incidents.FindAsync([e.IncidentId], cancellationToken);
                    if (incident is { Status: IncidentStatus.Open })
                        incident.Resolve("engine", now);
                    break;
                case MessagePublished e:
                    db.Jobs.Add(JobPayload.Outbox(instance.TenantId, RuntimeJobKinds.PublishMessage, null,
                        JobPayload.Write(new PublishMessagePayload(e.Name, e.CorrelationKey, new(e.Variables))), now));
                    break;
                case SignalBroadcast e:
                    db.Jobs.Add(JobPayload.Outbox(instance.TenantId, RuntimeJobKinds.BroadcastSignal, null,
                        JobPayload.Write(new BroadcastSignalPayload(e.Name, new(e.Variables))), now));
                    break;
                case ChildInstanceRequested e:
                    db.Jobs.Add(JobPayload.Outbox(instance.TenantId, RuntimeJobKinds.StartChild, instance.Id,
                        JobPayload.Write(new StartChildPayload(instance.Id, e.CallId, e.CalledElement, e.BusinessKey, new(e.Variables))), now));
                    break;
                case ChildInstanceCancellationRequested e:
                    db.Jobs.Add(JobPayload.Outbox(instance.TenantId, RuntimeJobKinds.CancelChild, instance.Id,
                        JobPayload.Write(new CancelChildPayload(instance.Id, e.CallId)), now));
                    break;
                case InstanceEnded e when instance.ParentInstanceId is { } parentId:
                    // Exclusive on the parent: the notification serialises with the parent's own jobs.
                    var variables = new Dictionary<string, System.Text.Json.JsonElement>(instance.State().ProcessVariables);
                    db.Jobs.Add(JobPayload.Outbox(instance.TenantId, RuntimeJobKinds.NotifyParent, parentId,
                        JobPayload.Write(new NotifyParentPayload(parentId, instance.ParentCallId!, instance.Id, variables, e.ErrorCode, e.ErrorMessage)), now));
                    break;
            }
        }
    }

    private static string KindOf(JobKind kind) => kind switch
    {
        JobKind.AsyncBefore => JobKinds.AsyncBefore,
        JobKind.AsyncAfter => JobKinds.AsyncAfter,
        JobKind.Timer => JobKinds.Timer,
        JobKind.Script => JobKinds.Script,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown engine job kind."),
    };

    private static async Task RemoveJobAsync(WbpmDbContext db, string jobId, string? runningJobId, CancellationToken cancellationToken)
    {
        if (jobId == runningJobId)
            return;
        // A job scheduled and cancelled by the same command was never stored: just stop tracking it.
        var job = await db.Jobs.FindAsync([jobId], cancellationToken);
        if (job is not null)
            db.Jobs.Remove(job);
    }

    private static async Task<T> FindAsync<T>(WbpmDbContext db, string id, CancellationToken cancellationToken) where T : class =>
        await db.Set<T>().FindAsync([id], cancellationToken)
        ?? throw new InvalidOperationException($"{typeof(T).Name} '{id}' named by an engine effect has no row: the runtime tables and the instance state disagree.");
}
