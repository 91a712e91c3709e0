using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>Reads the eventDefinition children of an event (section 10.5.5), resolving refs to names and codes.</summary>
internal sealed class EventDefinitionReader(ReadContext context)
{
    public static bool IsEventDefinition(XElement e) =>
        e.Name.Namespace == BpmnNamespaces.Model && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal);

    public IReadOnlyList<EventDefinition> ReadAll(XElement eventElement) =>
        eventElement.Elements().Where(IsEventDefinition).Select(Read).OfType<EventDefinition>().ToArray();

    private EventDefinition? Read(XElement e)
    {
        EventDefinition? definition = e.Name.LocalName switch
        {
            "timerEventDefinition" => ReadTimer(e),
            "messageEventDefinition" => new MessageEventDefinition
            {
                MessageRef = e.Attr("messageRef"),
                MessageName = ReadContext.Resolve(context.MessageNames, e.Attr("messageRef")),
                CorrelationKey = e.Extension("correlationKey"),
            },
            "signalEventDefinition" => new SignalEventDefinition
            {
                SignalRef = e.Attr("signalRef"),
                SignalName = ReadContext.Resolve(context.SignalNames, e.Attr("signalRef")),
            },
            "errorEventDefinition" => new ErrorEventDefinition
            {
                ErrorRef = e.Attr("errorRef"),
                ErrorCode = ReadContext.Resolve(context.ErrorCodes, e.Attr("errorRef")),
                ErrorCodeVariable = e.Extension("errorCodeVariable"),
            },
            "escalationEventDefinition" => new EscalationEventDefinition
            {
                EscalationRef = e.Attr("escalationRef"),
                EscalationCode = ReadContext.Resolve(context.EscalationCodes, e.Attr("escalationRef")),
            },
            "terminateEventDefinition" => new TerminateEventDefinition(),
            "conditionalEventDefinition" => new ConditionalEventDefinition { Condition = e.ChildText("condition") },
            "linkEventDefinition" => new LinkEventDefinition { Name = e.Attr("name") },
            "compensateEventDefinition" => new CompensateEventDefinition { ActivityRef = e.Attr("activityRef") },
            "cancelEventDefinition" => new CancelEventDefinition(),
            _ => null, // an unknown *EventDefinition stays retained in the event's XML
        };
        return definition is null ? null : definition with { Id = e.Attr("id"), Source = e };
    }

    private static TimerEventDefinition ReadTimer(XElement e)
    {
        // The schema makes timeDate / timeDuration / timeCycle a choice (section 10.5.5, table 10.103).
        foreach (var (name, kind) in TimerChildren)
        {
            var child = e.Child(name);
            if (child is not null) return new TimerEventDefinition { Kind = kind, Expression = XmlValues.Text(child) };
        }
        return new TimerEventDefinition();
    }

    public static readonly (string Name, TimerKind Kind)[] TimerChildren =
        [("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle)];
}
