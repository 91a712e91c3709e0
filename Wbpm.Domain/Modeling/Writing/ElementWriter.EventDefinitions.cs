using System.Xml.Linq;
using static Wbpm.Domain.Modeling.Writing.AttributePatch;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>Event definitions and loop characteristics.</summary>
internal sealed partial class ElementWriter
{
    private static XElement EventDefinition(EventDefinition definition)
    {
        var x = Start(definition);
        Set(x, "id", definition.Id);
        var parts = new List<ChildPart>();
        switch (definition)
        {
            case TimerEventDefinition timer:
                foreach (var (name, kind) in Reading.EventDefinitionReader.TimerChildren)
                    parts.Add(ValuePart.Text(timer.Source, name, timer.Kind == kind ? timer.Expression : null, SchemaOrder.Content));
                break;
            case MessageEventDefinition message:
                Set(x, "messageRef", message.MessageRef);
                SetExtension(x, "correlationKey", message.CorrelationKey);
                break;
            case SignalEventDefinition signal: Set(x, "signalRef", signal.SignalRef); break;
            case ErrorEventDefinition error:
                Set(x, "errorRef", error.ErrorRef);
                SetExtension(x, "errorCodeVariable", error.ErrorCodeVariable);
                break;
            case EscalationEventDefinition escalation: Set(x, "escalationRef", escalation.EscalationRef); break;
            case ConditionalEventDefinition conditional:
                parts.Add(ValuePart.Text(conditional.Source, "condition", conditional.Condition, SchemaOrder.Content));
                break;
            case LinkEventDefinition link: Set(x, "name", link.Name); break;
            case CompensateEventDefinition compensate: Set(x, "activityRef", compensate.ActivityRef); break;
        }
        ChildMerger.Merge(x, definition.Source, parts);
        return x;
    }

    private static XElement LoopCharacteristics(LoopCharacteristics loop)
    {
        var x = Start(loop);
        Set(x, "id", loop.Id);
        var parts = new List<ChildPart>();
        switch (loop)
        {
            case StandardLoopCharacteristics standard:
                SetBool(x, "testBefore", standard.TestBefore, false);
                Set(x, "loopMaximum", standard.LoopMaximum);
                parts.Add(ValuePart.Text(standard.Source, "loopCondition", standard.LoopCondition, SchemaOrder.Content));
                break;
            case MultiInstanceLoopCharacteristics mi:
                SetBool(x, "isSequential", mi.IsSequential, false);
                SetExtension(x, "collection", mi.Collection);
                SetExtension(x, "elementVariable", mi.ElementVariable);
                parts.Add(ValuePart.Text(mi.Source, "loopCardinality", mi.LoopCardinality, 20));
                parts.Add(ValuePart.Text(mi.Source, "loopDataInputRef", mi.LoopDataInputRef, 21));
                parts.Add(ValuePart.Text(mi.Source, "loopDataOutputRef", mi.LoopDataOutputRef, 22));
                parts.Add(ValuePart.Text(mi.Source, "completionCondition", mi.CompletionCondition, 26));
                break;
        }
        ChildMerger.Merge(x, loop.Source, parts);
        return x;
    }
}
