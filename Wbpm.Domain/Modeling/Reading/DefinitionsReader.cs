using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>Reads &lt;definitions&gt; and its root elements (section 8.3.5).</summary>
internal sealed class DefinitionsReader(ReadContext context)
{
    private readonly FlowElementReader _flowElements = new(context);

    public BpmnDefinitions Read(XElement definitions)
    {
        // Messages, signals, errors and escalations first: event definitions resolve their refs to names/codes.
        foreach (var e in definitions.Elements())
        {
            var id = e.Attr("id");
            if (id is null || e.Name.Namespace != BpmnNamespaces.Model) continue;
            switch (e.Name.LocalName)
            {
                case "message": context.MessageNames[id] = e.Attr("name"); break;
                case "signal": context.SignalNames[id] = e.Attr("name"); break;
                case "error": context.ErrorCodes[id] = e.Attr("errorCode"); break;
                case "escalation": context.EscalationCodes[id] = e.Attr("escalationCode"); break;
            }
        }

        return new BpmnDefinitions
        {
            Id = definitions.Attr("id"),
            Name = definitions.Attr("name"),
            TargetNamespace = definitions.Attr("targetNamespace") ?? "",
            Exporter = definitions.Attr("exporter"),
            ExporterVersion = definitions.Attr("exporterVersion"),
            RootElements = definitions.Elements()
                .Where(e => e.Name.Namespace == BpmnNamespaces.Model)
                .Select(ReadRootElement)
                .OfType<RootElement>()
                .ToArray(),
            Source = definitions,
        };
    }

    private RootElement? ReadRootElement(XElement e)
    {
        var id = e.Attr("id");
        if (string.IsNullOrWhiteSpace(id)) return null; // untyped root elements without an id stay retained
        RootElement? root = e.Name.LocalName switch
        {
            "process" => RequesterAttributesReader.Read(ReadProcess(e, id), e),
            "collaboration" => ReadCollaboration(e, id),
            "message" => new Message { Id = id, Name = e.Attr("name") },
            "signal" => new Signal { Id = id, Name = e.Attr("name") },
            "error" => new BpmnError { Id = id, Name = e.Attr("name"), ErrorCode = e.Attr("errorCode") },
            "escalation" => new Escalation { Id = id, Name = e.Attr("name"), EscalationCode = e.Attr("escalationCode") },
            "dataStore" => new DataStore { Id = id, Name = e.Attr("name") },
            _ => null,
        };
        return root is null ? null : root with { Documentation = e.Documentation(), Source = e };
    }

    private Process ReadProcess(XElement e, string id)
    {
        var (flowElements, artifacts) = _flowElements.ReadContents(e);
        return new Process
        {
            Id = id,
            Name = e.Attr("name"),
            IsExecutable = e.Bool("isExecutable", false),
            FlowElements = flowElements,
            Artifacts = artifacts,
            LaneSets = e.Elements(BpmnNamespaces.Model + "laneSet").Select(ReadLaneSet).ToArray(),
        };
    }

    private LaneSet ReadLaneSet(XElement e) => new()
    {
        Id = IdOrSynthetic(e),
        Name = e.Attr("name"),
        Lanes = e.Elements(BpmnNamespaces.Model + "lane").Select(lane => new Lane
        {
            Id = IdOrSynthetic(lane),
            Name = lane.Attr("name"),
            FlowNodeRefs = lane.Elements(BpmnNamespaces.Model + "flowNodeRef").Select(r => r.Value.Trim()).ToArray(),
            ChildLaneSet = lane.Child("childLaneSet") is { } child ? ReadLaneSet(child) : null,
            Documentation = lane.Documentation(),
            Source = lane,
        }).ToArray(),
        Documentation = e.Documentation(),
        Source = e,
    };

    private Collaboration ReadCollaboration(XElement e, string id) => new()
    {
        Id = id,
        Name = e.Attr("name"),
        Participants = e.Elements(BpmnNamespaces.Model + "participant").Select(p => new Participant
        {
            Id = IdOrSynthetic(p), Name = p.Attr("name"), ProcessRef = p.Attr("processRef"),
            Documentation = p.Documentation(), Source = p,
        }).ToArray(),
        MessageFlows = e.Elements(BpmnNamespaces.Model + "messageFlow").Select(f => new MessageFlow
        {
            Id = IdOrSynthetic(f), Name = f.Attr("name"),
            SourceRef = f.Attr("sourceRef") ?? "", TargetRef = f.Attr("targetRef") ?? "", MessageRef = f.Attr("messageRef"),
            Documentation = f.Documentation(), Source = f,
        }).ToArray(),
        Artifacts = e.Elements().Select(_flowElements.ReadArtifact).OfType<Artifact>().ToArray(),
    };

    /// <summary>
    /// Lane sets, lanes, participants and message flows may omit ids in the schema. They are descriptive, so instead
    /// of failing we key them by position; the writer never writes a synthetic id back (their XML is retained).
    /// </summary>
    private static string IdOrSynthetic(XElement e) =>
        e.Attr("id") ?? $"_{e.Name.LocalName}_{((System.Xml.IXmlLineInfo)e).LineNumber}_{((System.Xml.IXmlLineInfo)e).LinePosition}";
}
