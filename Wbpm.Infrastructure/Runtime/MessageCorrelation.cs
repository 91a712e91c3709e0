using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>Instances a message or signal reached: existing ones it was correlated to, and ones it started.</summary>
public sealed record DeliveryResult(IReadOnlyList<string> CorrelatedInstanceIds, IReadOnlyList<string> StartedInstanceIds)
{
    public bool IsEmpty => CorrelatedInstanceIds.Count == 0 && StartedInstanceIds.Count == 0;
}

/// <summary>
/// Delivers a message by name (+ correlation key) in a given context, without saving: every waiting instance with a
/// matching subscription gets it once (its oldest matching subscription), and every message start event of a latest
/// definition starts an instance. Without a key, the name alone matches (Camunda 7's correlateAll).
/// </summary>
public sealed class MessageCorrelation(InstanceCommands commands, ExecutableDefinitions definitions)
{
    public async Task<DeliveryResult> StageAsync(WbpmDbContext db, string name, string? correlationKey,
        IReadOnlyDictionary<string, JsonElement>? variables, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = db.EventSubscriptions.AsNoTracking()
            .Where(s => s.Kind == SubscriptionKind.Message && s.Name == name && s.ProcessInstanceId != null);
        if (correlationKey is not null)
            waiting = waiting.Where(s => s.CorrelationKey == correlationKey);
        var subscriptions = await waiting.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.ProcessInstanceId }).ToListAsync(cancellationToken);

        var correlated = new List<string>();
        foreach (var subscription in subscriptions.DistinctBy(s => s.ProcessInstanceId))
        {
            try
            {
                await commands.StageAsync(db, subscription.ProcessInstanceId!, new CorrelateMessage(subscription.Id, variables), now, cancellationToken);
                correlated.Add(subscription.ProcessInstanceId!);
            }
            catch (CommandRejectedException)
            {
                // The subscription closed in a command that committed after our read: not a match any more.
            }
        }

        var started = await StartEvents.StartAsync(db, commands, definitions, SubscriptionKind.Message, name, variables, now, cancellationToken);
        return new DeliveryResult(correlated, started);
    }
}

/// <summary>A signal reaches every subscription of its name (each waiting event once) and every signal start event.</summary>
public sealed class SignalBroadcasting(InstanceCommands commands, ExecutableDefinitions definitions)
{
    public async Task<DeliveryResult> StageAsync(WbpmDbContext db, string name, IReadOnlyDictionary<string, JsonElement>? variables,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = await db.EventSubscriptions.AsNoTracking()
            .Where(s => s.Kind == SubscriptionKind.Signal && s.Name == name && s.ProcessInstanceId != null)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.ProcessInstanceId }).ToListAsync(cancellationToken);
        var reached = new List<string>();
        foreach (var subscription in subscriptions)
        {
            try
            {
                await commands.StageAsync(db, subscription.ProcessInstanceId!, new TriggerSignal(subscription.Id, variables), now, cancellationToken);
                reached.Add(subscription.ProcessInstanceId!);
            }
            catch (CommandRejectedException)
            {
                // Closed by an earlier trigger of this broadcast (e.g. an interrupting boundary) or a later commit.
            }
        }
        var started = await StartEvents.StartAsync(db, commands, definitions, SubscriptionKind.Signal, name, variables, now, cancellationToken);
        return new DeliveryResult(reached.Distinct().ToList(), started);
    }
}

/// <summary>Starting instances from the start subscriptions of the latest definitions (messages and signals).</summary>
internal static class StartEvents
{
    public static async Task<IReadOnlyList<string>> StartAsync(WbpmDbContext db, InstanceCommands commands, ExecutableDefinitions definitions,
        SubscriptionKind kind, string name, IReadOnlyDictionary<string, JsonElement>? variables, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var starts = await db.EventSubscriptions.AsNoTracking()
            .Where(s => s.Kind == kind && s.Name == name && s.IsStartEvent)
            .OrderBy(s => s.CreatedAt).Select(s => new { s.DefinitionId, s.ElementId }).ToListAsync(cancellationToken);
        var started = new List<string>();
        foreach (var start in starts.DistinctBy(s => s.DefinitionId))
        {
            var definition = await definitions.GetAsync(db, start.DefinitionId, cancellationToken);
            var staged = await commands.StageStartAsync(db, definition, new StartInstance(start.ElementId, null, variables), now, cancellationToken);
            started.Add(staged.Instance.Id);
        }
        return started;
    }
}
