using System.Xml.Linq;
using static Wbpm.Domain.Modeling.Writing.AttributePatch;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>
/// Renders model records to XML: a copy of the source element (if any) with typed attributes patched and typed
/// children merged in (see <see cref="ChildMerger"/>). Split by concern over partial files.
/// </summary>
internal sealed partial class ElementWriter(ProcessModel model)
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;

    public XElement Definitions(BpmnDefinitions d)
    {
        var x = Start(d);
        Set(x, "id", d.Id);
        Set(x, "name", d.Name);
        Set(x, "targetNamespace", d.TargetNamespace);
        Set(x, "exporter", d.Exporter);
        Set(x, "exporterVersion", d.ExporterVersion);
        ChildMerger.Merge(x, d.Source,
        [
            new ElementsPart(c => IsBpmn(c) && BpmnElementNames.IsTypedRootElement(c.Name.LocalName) && c.Attribute("id") is not null,
                d.RootElements, e => Root((RootElement)e), SchemaOrder.FlowElements),
        ]);
        return x;
    }

    private XElement Root(RootElement root)
    {
        var x = Start(root);
        Set(x, "id", root.Id);
        var parts = new List<ChildPart> { Documentation(root) };
        switch (root)
        {
            case Process p:
                Set(x, "name", p.Name);
                SetBool(x, "isExecutable", p.IsExecutable, false);
                SetExtension(x, "candidateStarterGroups", p.CandidateStarterGroups);
                SetExtension(x, "candidateStarterUsers", p.CandidateStarterUsers);
                SetWbpmBool(x, "withdrawable", p.Withdrawable, true);
                parts.Add(new ElementsPart(c => IsBpmn(c, "laneSet"), p.LaneSets, e => LaneSet((LaneSet)e, "laneSet"), SchemaOrder.LaneSets));
                parts.AddRange(ScopeParts(p));
                break;
            case Collaboration c:
                Set(x, "name", c.Name);
                parts.Add(new ElementsPart(e => IsBpmn(e, "participant"), c.Participants, e => Participant((Participant)e), SchemaOrder.FlowElements));
                parts.Add(new ElementsPart(e => IsBpmn(e, "messageFlow"), c.MessageFlows, e => MessageFlow((MessageFlow)e), SchemaOrder.Artifacts));
                parts.Add(new ElementsPart(e => IsBpmn(e) && BpmnElementNames.IsArtifact(e.Name.LocalName), c.Artifacts,
                    e => Artifact((Artifact)e), SchemaOrder.Artifacts));
                break;
            case Message m: Set(x, "name", m.Name); break;
            case Signal s: Set(x, "name", s.Name); break;
            case BpmnError er:
                Set(x, "name", er.Name);
                Set(x, "errorCode", er.ErrorCode);
                break;
            case Escalation es:
                Set(x, "name", es.Name);
                Set(x, "escalationCode", es.EscalationCode);
                break;
            case DataStore ds: Set(x, "name", ds.Name); break;
        }
        ChildMerger.Merge(x, root.Source, parts);
        return x;
    }

    private IEnumerable<ChildPart> ScopeParts(IFlowElementContainer scope) =>
    [
        new ElementsPart(c => IsBpmn(c) && BpmnElementNames.IsTypedFlowElement(c.Name.LocalName), scope.FlowElements,
            e => FlowElement((FlowElement)e), SchemaOrder.FlowElements),
        new ElementsPart(c => IsBpmn(c) && BpmnElementNames.IsArtifact(c.Name.LocalName), scope.Artifacts,
            e => Artifact((Artifact)e), SchemaOrder.Artifacts),
    ];

    private XElement LaneSet(LaneSet laneSet, string tag)
    {
        var x = Start(laneSet, tag);
        SetId(x, laneSet);
        Set(x, "name", laneSet.Name);
        ChildMerger.Merge(x, laneSet.Source,
        [
            Documentation(laneSet),
            new ElementsPart(c => IsBpmn(c, "lane"), laneSet.Lanes, e => Lane((Lane)e), SchemaOrder.Content),
        ]);
        return x;
    }

    private XElement Lane(Lane lane)
    {
        var x = Start(lane);
        SetId(x, lane);
        Set(x, "name", lane.Name);
        var existing = lane.Source?.Elements(Bpmn + "flowNodeRef").ToArray() ?? [];
        IReadOnlyList<XElement> refs = existing.Select(r => r.Value.Trim()).SequenceEqual(lane.FlowNodeRefs)
            ? existing.Select(r => new XElement(r)).ToArray()
            : lane.FlowNodeRefs.Select(r => new XElement(Bpmn + "flowNodeRef", r)).ToArray();
        IReadOnlyList<ModelElement> child = lane.ChildLaneSet is null ? [] : [lane.ChildLaneSet];
        ChildMerger.Merge(x, lane.Source,
        [
            Documentation(lane),
            new ValuePart(c => IsBpmn(c, "flowNodeRef"), refs, SchemaOrder.Content),
            new ElementsPart(c => IsBpmn(c, "childLaneSet"), child, e => LaneSet((LaneSet)e, "childLaneSet"), SchemaOrder.Content + 1),
        ]);
        return x;
    }

    private XElement Participant(Participant p)
    {
        var x = Start(p);
        SetId(x, p);
        Set(x, "name", p.Name);
        Set(x, "processRef", p.ProcessRef);
        ChildMerger.Merge(x, p.Source, [Documentation(p)]);
        return x;
    }

    private XElement MessageFlow(MessageFlow f)
    {
        var x = Start(f);
        SetId(x, f);
        Set(x, "name", f.Name);
        Set(x, "sourceRef", f.SourceRef);
        Set(x, "targetRef", f.TargetRef);
        Set(x, "messageRef", f.MessageRef);
        ChildMerger.Merge(x, f.Source, [Documentation(f)]);
        return x;
    }

    private XElement Artifact(Artifact artifact)
    {
        var x = Start(artifact);
        Set(x, "id", artifact.Id);
        var parts = new List<ChildPart> { Documentation(artifact) };
        switch (artifact)
        {
            case TextAnnotation t: parts.Add(ValuePart.Text(t.Source, "text", t.Text, SchemaOrder.Content)); break;
            case Association a:
                Set(x, "sourceRef", a.SourceRef);
                Set(x, "targetRef", a.TargetRef);
                Set(x, "associationDirection", a.AssociationDirection);
                break;
            case Group g: Set(x, "categoryValueRef", g.CategoryValueRef); break;
        }
        ChildMerger.Merge(x, artifact.Source, parts);
        return x;
    }

    /// <summary>A new element named after the record, carrying the source's attributes (typed ones are patched after).</summary>
    private static XElement Start(ModelElement element, string? tag = null)
    {
        var x = new XElement(Bpmn + (tag ?? BpmnElementNames.Of(element)));
        if (element.Source is not null)
            x.Add(element.Source.Attributes().Select(a => new XAttribute(a)));
        return x;
    }

    private static ValuePart Documentation(BaseElement element) =>
        ValuePart.Text(element.Source, "documentation", element.Documentation, SchemaOrder.Documentation);

    private static bool IsBpmn(XElement e) => e.Name.Namespace == Bpmn;

    private static bool IsBpmn(XElement e, string localName) => e.Name == Bpmn + localName;
}
