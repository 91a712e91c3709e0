using System.Xml.Linq;
using Wbpm.Domain.Modeling.Reading;
using static Wbpm.Domain.Modeling.Writing.AttributePatch;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>Flow elements: sequence flows, data, and every flow node kind.</summary>
internal sealed partial class ElementWriter
{
    private XElement FlowElement(FlowElement element)
    {
        if (element is UnknownFlowElement { Source: { } source })
            return new XElement(source);
        var x = Start(element);
        Set(x, "id", element.Id);
        Set(x, "name", element.Name);
        var parts = new List<ChildPart> { Documentation(element) };
        switch (element)
        {
            case SequenceFlow flow:
                Set(x, "sourceRef", flow.SourceRef);
                Set(x, "targetRef", flow.TargetRef);
                parts.Add(ValuePart.Text(flow.Source, "conditionExpression", flow.ConditionExpression, SchemaOrder.ConditionExpression));
                break;
            case DataObject data: SetBool(x, "isCollection", data.IsCollection, false); break;
            case DataObjectReference reference: Set(x, "dataObjectRef", reference.DataObjectRef); break;
            case DataStoreReference reference: Set(x, "dataStoreRef", reference.DataStoreRef); break;
            case FlowNode node: FlowNode(x, node, parts); break;
        }
        ChildMerger.Merge(x, element.Source, parts);
        return x;
    }

    private void FlowNode(XElement x, FlowNode node, List<ChildPart> parts)
    {
        SetExtensionBool(x, "asyncBefore", node.AsyncBefore);
        SetExtensionBool(x, "asyncAfter", node.AsyncAfter);
        SetWbpmBool(x, "withdrawable", node.Withdrawable, true);
        parts.Add(ExtensionElementsWriter.Part(node));
        parts.Add(FlowRefs(node, "incoming", model.Incoming(node), f => f.TargetRef, SchemaOrder.Incoming));
        parts.Add(FlowRefs(node, "outgoing", model.Outgoing(node), f => f.SourceRef, SchemaOrder.Outgoing));
        if (node is IHasDefaultFlow withDefault) Set(x, "default", withDefault.DefaultFlowId);
        switch (node)
        {
            case Event ev: EventAttributes(x, ev, parts); break;
            case Activity activity: ActivityAttributes(x, activity, parts); break;
            case ComplexGateway complex:
                parts.Add(ValuePart.Text(complex.Source, "activationCondition", complex.ActivationCondition, SchemaOrder.Content));
                break;
            case EventBasedGateway eventBased: SetBool(x, "instantiate", eventBased.Instantiate, false); break;
        }
    }

    private void EventAttributes(XElement x, Event ev, List<ChildPart> parts)
    {
        switch (ev)
        {
            case StartEvent start: SetBool(x, "isInterrupting", start.IsInterrupting, true); break;
            case BoundaryEvent boundary:
                Set(x, "attachedToRef", boundary.AttachedToRef);
                SetBool(x, "cancelActivity", boundary.CancelActivity, true);
                break;
        }
        parts.Add(new ElementsPart(
            c => IsBpmn(c) && BpmnElementNames.IsTypedEventDefinition(c.Name.LocalName),
            ev.EventDefinitions, d => EventDefinition((EventDefinition)d), SchemaOrder.EventDefinitions));
    }

    private void ActivityAttributes(XElement x, Activity activity, List<ChildPart> parts)
    {
        switch (activity)
        {
            case UserTask user:
                SetExtension(x, "assignee", user.Assignee);
                SetExtension(x, "candidateUsers", user.CandidateUsers);
                SetExtension(x, "candidateGroups", user.CandidateGroups);
                SetExtension(x, "formKey", user.FormKey);
                Set(x, BpmnNamespaces.Wbpm + "form", user.Form);
                SetExtension(x, "dueDate", user.DueDate);
                SetExtension(x, "followUpDate", user.FollowUpDate);
                SetExtension(x, "priority", user.Priority);
                break;
            case WorkerTask worker:
                SetExtension(x, "type", worker.Type);
                SetExtension(x, "topic", worker.Topic);
                SetExtension(x, "retries", worker.Retries);
                SetExtension(x, "retryTimeCycle", worker.RetryTimeCycle);
                Set(x, BpmnNamespaces.Camunda + "class", worker.JavaClass);
                Set(x, BpmnNamespaces.Camunda + "expression", worker.JavaExpression);
                Set(x, BpmnNamespaces.Camunda + "delegateExpression", worker.DelegateExpression);
                if (worker is SendTask send) Set(x, "messageRef", send.MessageRef);
                break;
            case ReceiveTask receive:
                Set(x, "messageRef", receive.MessageRef);
                SetExtension(x, "correlationKey", receive.CorrelationKey);
                break;
            case ScriptTask script:
                Set(x, "scriptFormat", script.ScriptFormat);
                SetExtension(x, "resultVariable", script.ResultVariable);
                parts.Add(ValuePart.Text(script.Source, "script", script.Script, SchemaOrder.Content));
                break;
            case CallActivity call:
                if ((x.Attribute(BpmnNamespaces.Wbpm + "calledElement")?.Value ?? x.Attribute("calledElement")?.Value) != call.CalledElement)
                {
                    x.SetAttributeValue(BpmnNamespaces.Wbpm + "calledElement", null);
                    x.SetAttributeValue("calledElement", call.CalledElement);
                }
                break;
            case SubProcess sub:
                if (sub.Kind is SubProcessKind.Embedded or SubProcessKind.Event)
                    SetBool(x, "triggeredByEvent", sub.TriggeredByEvent, false);
                parts.AddRange(ScopeParts(sub));
                if (sub.Kind == SubProcessKind.AdHoc)
                    parts.Add(ValuePart.Text(sub.Source, "completionCondition", sub.CompletionCondition, SchemaOrder.Artifacts + 1));
                break;
        }
        IReadOnlyList<XElement> loop = activity.LoopCharacteristics is null ? [] : [LoopCharacteristics(activity.LoopCharacteristics)];
        parts.Add(new ValuePart(
            c => IsBpmn(c, "standardLoopCharacteristics") || IsBpmn(c, "multiInstanceLoopCharacteristics"),
            loop, SchemaOrder.LoopCharacteristics));
    }

    /// <summary>
    /// incoming/outgoing children duplicate what sequence flows say (section 10.1). Kept as in the source; refs to
    /// flows that no longer end here are dropped, and refs are added for flows that are new or were re-pointed in code
    /// (a source that never listed them keeps not listing them).
    /// </summary>
    private static ValuePart FlowRefs(FlowNode node, string localName, IReadOnlyList<SequenceFlow> flows,
        Func<SequenceFlow, string> end, int rank)
    {
        var endAttribute = localName == "incoming" ? "targetRef" : "sourceRef";
        var existing = node.Source?.Elements(Bpmn + localName).ToArray() ?? [];
        var wanted = flows.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var kept = existing.Where(r => wanted.Contains(r.Value.Trim())).ToArray();
        var keptIds = kept.Select(r => r.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var added = flows
            .Where(f => !keptIds.Contains(f.Id))
            .Where(f => node.Source is null || f.Source is null || f.Source.Attr(endAttribute) != end(f))
            .Select(f => new XElement(Bpmn + localName, f.Id));
        return new ValuePart(c => IsBpmn(c, localName), [.. kept.Select(r => new XElement(r)), .. added], rank);
    }
}
