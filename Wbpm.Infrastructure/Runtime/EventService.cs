using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Messages and signals sent by people or systems (workflow.execute), delivered in one transaction with the audit
/// entry. A message nobody waits for is a <see cref="NotFoundException"/>. Losing a race with another command on one
/// of the instances is retried here: the sender did nothing wrong, and delivery is all or nothing.
/// </summary>
public sealed class EventService(
    TenantDbContextFactory contexts, ICurrentUser currentUser, InstanceCommands commands, MessageCorrelation messages,
    SignalBroadcasting signals, AuditTrail audit, TimeProvider time)
{
    private const int MaxAttempts = 10;

    public Task<DeliveryResult> CorrelateMessageAsync(string name, string? correlationKey, IReadOnlyDictionary<string, JsonElement>? variables,
        CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        var messageName = Required(name);
        var key = string.IsNullOrWhiteSpace(correlationKey) ? null : correlationKey.Trim();
        return DeliverAsync("message.correlated", messageName, async (db, now) =>
        {
            var result = await messages.StageAsync(db, messageName, key, variables, now, cancellationToken);
            if (result.IsEmpty)
                throw new NotFoundException("A process waiting for the message",
                    key is null ? messageName : $"{messageName}' with correlation key '{key}");
            return result;
        }, cancellationToken);
    }

    public Task<DeliveryResult> BroadcastSignalAsync(string name, IReadOnlyDictionary<string, JsonElement>? variables,
        CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        var signalName = Required(name);
        return DeliverAsync("signal.broadcast", signalName, (db, now) => signals.StageAsync(db, signalName, variables, now, cancellationToken),
            cancellationToken);
    }

    private async Task<DeliveryResult> DeliverAsync(string action, string name, Func<WbpmDbContext, DateTimeOffset, Task<DeliveryResult>> stage,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Create();
            var now = time.GetUtcNow();
            var result = await stage(db, now);
            audit.Record(db, action, "Event", name, null, new { result.CorrelatedInstanceIds, result.StartedInstanceIds });
            try
            {
                await commands.CommitAsync(db, now, cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another command moved one of the instances: read them again and deliver to their new state.
            }
        }
    }

    private static string Required(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw ValidationException.For("name", "A name is required.") : name.Trim();
}
