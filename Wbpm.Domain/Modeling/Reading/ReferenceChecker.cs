using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>
/// Checks what makes a document structurally unusable: duplicate ids and references to ids that do not exist.
/// These are reader errors (not validation issues) because the graph cannot even be built without them.
/// </summary>
internal static class ReferenceChecker
{
    public static void CheckDuplicateIds(XDocument document, ReadContext context)
    {
        var seen = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            // Only BPMN and DI elements: vendor extensions (e.g. ADONIS) reuse BPMN ids as their own references.
            if (element.Name.Namespace != BpmnNamespaces.Model && element.Name.Namespace != BpmnNamespaces.Di) continue;
            if (element.Attribute("id")?.Value is not { } id) continue;
            if (!seen.TryAdd(id, element))
                context.Error(element, $"The id '{id}' is used twice (first at line {LineOf(seen[id])}); ids must be unique.", id);
        }
    }

    public static void CheckReferences(BpmnDefinitions definitions, IReadOnlySet<string> ids, ReadContext context)
    {
        var roots = definitions.RootElements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var root in definitions.RootElements)
        {
            switch (root)
            {
                case Process process: CheckScope(process, ids, roots, context); break;
                case Collaboration collaboration:
                    foreach (var flow in collaboration.MessageFlows)
                    {
                        Require(flow, "sourceRef", flow.SourceRef, ids, context);
                        Require(flow, "targetRef", flow.TargetRef, ids, context);
                        Optional<Message>(flow, "messageRef", flow.MessageRef, roots, context);
                    }
                    foreach (var participant in collaboration.Participants)
                        Optional<Process>(participant, "processRef", participant.ProcessRef, roots, context);
                    break;
            }
        }
    }

    private static void CheckScope(IFlowElementContainer scope, IReadOnlySet<string> ids,
        Dictionary<string, RootElement> roots, ReadContext context)
    {
        var nodes = new Dictionary<string, FlowElement>(StringComparer.Ordinal);
        Collect(scope, nodes);
        foreach (var element in scope.FlowElements)
        {
            switch (element)
            {
                case SequenceFlow flow:
                    RequireNode(flow, "sourceRef", flow.SourceRef, nodes, context);
                    RequireNode(flow, "targetRef", flow.TargetRef, nodes, context);
                    break;
                case FlowNode node:
                    CheckNode(node, ids, nodes, roots, context);
                    if (node is SubProcess sub) CheckScope(sub, ids, roots, context);
                    break;
            }
        }
        foreach (var association in scope.Artifacts.OfType<Association>())
        {
            Require(association, "sourceRef", association.SourceRef, ids, context);
            Require(association, "targetRef", association.TargetRef, ids, context);
        }
    }

    private static void CheckNode(FlowNode node, IReadOnlySet<string> ids, Dictionary<string, FlowElement> nodes,
        Dictionary<string, RootElement> roots, ReadContext context)
    {
        if (node is BoundaryEvent boundary)
        {
            if (boundary.AttachedToRef.Length == 0)
                context.Error(Where(node), "The boundary event has no attachedToRef; it must be attached to an activity.", node.Id);
            else
                RequireNode(node, "attachedToRef", boundary.AttachedToRef, nodes, context);
        }
        if (node is IHasDefaultFlow { DefaultFlowId: { } defaultFlow })
            Require(node, "default", defaultFlow, ids, context);
        if (node is SendTask send) Optional<Message>(node, "messageRef", send.MessageRef, roots, context);
        if (node is ReceiveTask receive) Optional<Message>(node, "messageRef", receive.MessageRef, roots, context);
        if (node is Event ev)
        {
            foreach (var definition in ev.EventDefinitions)
            {
                switch (definition)
                {
                    case MessageEventDefinition m: Optional<Message>(node, "messageRef", m.MessageRef, roots, context); break;
                    case SignalEventDefinition s: Optional<Signal>(node, "signalRef", s.SignalRef, roots, context); break;
                    case ErrorEventDefinition er: Optional<BpmnError>(node, "errorRef", er.ErrorRef, roots, context); break;
                    case EscalationEventDefinition es: Optional<Escalation>(node, "escalationRef", es.EscalationRef, roots, context); break;
                }
            }
        }
    }

    /// <summary>Flow nodes a sequence flow may connect: the scope's own nodes (section 8.3.13: same container).</summary>
    private static void Collect(IFlowElementContainer scope, Dictionary<string, FlowElement> nodes)
    {
        foreach (var element in scope.FlowElements)
            if (element is FlowNode or UnknownFlowElement) nodes.TryAdd(element.Id, element);
    }

    private static void RequireNode(BaseElement from, string attribute, string reference, Dictionary<string, FlowElement> nodes,
        ReadContext context)
    {
        if (reference.Length == 0)
            context.Error(Where(from), $"<{Tag(from)}> '{from.Id}' has no {attribute}.", from.Id);
        else if (!nodes.ContainsKey(ModelIds.Local(reference)))
            context.Error(Where(from),
                $"<{Tag(from)}> '{from.Id}' has {attribute}=\"{reference}\", but there is no flow node with that id in the same process or subprocess.",
                from.Id);
    }

    private static void Require(BaseElement from, string attribute, string reference, IReadOnlySet<string> ids, ReadContext context)
    {
        if (reference.Length == 0)
            context.Error(Where(from), $"<{Tag(from)}> '{from.Id}' has no {attribute}.", from.Id);
        else if (!ids.Contains(reference) && !ids.Contains(ModelIds.Local(reference)))
            context.Error(Where(from), $"<{Tag(from)}> '{from.Id}' has {attribute}=\"{reference}\", but no element has that id.", from.Id);
    }

    private static void Optional<T>(BaseElement from, string attribute, string? reference, Dictionary<string, RootElement> roots,
        ReadContext context) where T : RootElement
    {
        if (reference is null) return;
        if (roots.TryGetValue(ModelIds.Local(reference), out var root) && root is T) return;
        context.Error(Where(from),
            $"<{Tag(from)}> '{from.Id}' has {attribute}=\"{reference}\", but there is no <{RootTag<T>()}> with that id.", from.Id);
    }

    private static string RootTag<T>() => typeof(T).Name switch
    {
        nameof(BpmnError) => "error",
        var name => char.ToLowerInvariant(name[0]) + name[1..],
    };

    private static XObject Where(ModelElement element) => element.Source ?? new XElement("unknown");

    private static string Tag(ModelElement element) => element.Source?.Name.LocalName ?? element.GetType().Name;

    private static int LineOf(XElement e) => ((System.Xml.IXmlLineInfo)e).LineNumber;
}
