using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Modeling;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// On deployment (in the deployment's transaction): the new latest version's timer start events get a "timer-start"
/// job and its message/signal start events get subscriptions without instance; the older versions' start
/// subscriptions are removed. Older versions' timer-start jobs retire themselves when they fire (the handler starts
/// only the latest version), so deploying never has to scan the job table.
/// </summary>
public sealed class StartEventActivation(ITimerSchedule timers)
{
    public async Task StageAsync(WbpmDbContext db, ProcessDefinition definition, ProcessModel model, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var olderIds = await db.ProcessDefinitions.Where(d => d.Key == definition.Key && d.Id != definition.Id)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        if (olderIds.Count > 0)
            db.EventSubscriptions.RemoveRange(await db.EventSubscriptions
                .Where(s => s.IsStartEvent && olderIds.Contains(s.DefinitionId)).ToListAsync(cancellationToken));

        var process = model.FindProcess(definition.Key);
        if (process is null)
            return;
        foreach (var start in model.StartEventsOf(process))
        {
            switch (start.Definition)
            {
                case TimerEventDefinition { Kind: { } kind, Expression: { } expression } when !expression.TrimStart().StartsWith('='):
                    if (timers.FirstDue(kind, expression, now) is { } due)
                        db.Jobs.Add(TimerStartJob(definition, start.Id, kind == TimerKind.Cycle ? expression : null,
                            due.RemainingRepetitions, due.Due, now));
                    break;
                case MessageEventDefinition { MessageName: { } message }:
                    db.EventSubscriptions.Add(EventSubscription.ForStartEvent(NewId(), definition.TenantId, definition.Id,
                        SubscriptionKind.Message, message, start.Id, now));
                    break;
                case SignalEventDefinition { SignalName: { } signal }:
                    db.EventSubscriptions.Add(EventSubscription.ForStartEvent(NewId(), definition.TenantId, definition.Id,
                        SubscriptionKind.Signal, signal, start.Id, now));
                    break;
            }
        }
    }

    public static Job TimerStartJob(ProcessDefinition definition, string startEventId, string? cycle, int? remaining, DateTimeOffset due, DateTimeOffset now) =>
        TimerStartJob(definition.TenantId, new TimerStartPayload(definition.Id, definition.Key, startEventId, cycle, remaining), due, now);

    public static Job TimerStartJob(string tenantId, TimerStartPayload payload, DateTimeOffset due, DateTimeOffset now) =>
        new(new NewJob(NewId(), tenantId, RuntimeJobKinds.TimerStart, due, ElementId: payload.StartEventId,
            Payload: JobPayload.Write(payload)), now);

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
