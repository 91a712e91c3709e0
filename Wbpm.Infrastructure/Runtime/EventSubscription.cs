using Wbpm.Domain.Engine;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// A message or signal an instance waits for (<see cref="ProcessInstanceId"/> set), or a message/signal start event
/// of the latest version of a definition (<see cref="IsStartEvent"/>, no instance).
/// </summary>
public sealed class EventSubscription : ITenantOwned
{
    private EventSubscription() { Id = TenantId = DefinitionId = Name = ElementId = ""; }

    private EventSubscription(string id, string tenantId, string? instanceId, string definitionId, SubscriptionKind kind,
        string name, string? correlationKey, string elementId, bool isStartEvent, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        ProcessInstanceId = instanceId;
        DefinitionId = definitionId;
        Kind = kind;
        Name = name;
        CorrelationKey = correlationKey;
        ElementId = elementId;
        IsStartEvent = isStartEvent;
        CreatedAt = createdAt;
    }

    public static EventSubscription ForInstance(SubscriptionOpened opened, ProcessInstance instance, DateTimeOffset now) =>
        new(opened.SubscriptionId, instance.TenantId, instance.Id, instance.DefinitionId, opened.Kind, opened.Name,
            opened.CorrelationKey, opened.ElementId, false, now);

    public static EventSubscription ForStartEvent(string id, string tenantId, string definitionId, SubscriptionKind kind,
        string name, string elementId, DateTimeOffset now) =>
        new(id, tenantId, null, definitionId, kind, name, null, elementId, true, now);

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string? ProcessInstanceId { get; private set; }
    public string DefinitionId { get; private set; }
    public SubscriptionKind Kind { get; private set; }
    public string Name { get; private set; }
    public string? CorrelationKey { get; private set; }
    public string ElementId { get; private set; }
    public bool IsStartEvent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
