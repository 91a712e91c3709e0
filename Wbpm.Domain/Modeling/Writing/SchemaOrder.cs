using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>
/// Approximate position of a child in the BPMN XSD sequences (documentation, extensionElements, incoming, outgoing,
/// ..., loop characteristics, flow elements, artifacts, event definitions). Used only to place children that the
/// source did not have, so new content lands where a schema-aware tool expects it.
/// </summary>
internal static class SchemaOrder
{
    public const int Documentation = 0;
    public const int ExtensionElements = 1;
    public const int Incoming = 3;
    public const int Outgoing = 4;
    public const int LaneSets = 5;
    public const int ConditionExpression = 5;
    public const int LoopCharacteristics = 9;
    public const int FlowElements = 10;
    public const int Artifacts = 11;
    public const int EventDefinitions = 12;
    public const int Content = 20;
    public const int Diagram = 90;

    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["documentation"] = Documentation,
        ["extensionElements"] = ExtensionElements,
        ["auditing"] = 2, ["monitoring"] = 2, ["categoryValueRef"] = 2,
        ["incoming"] = Incoming, ["outgoing"] = Outgoing,
        ["laneSet"] = LaneSets, ["ioSpecification"] = 5, ["property"] = 6,
        ["dataInputAssociation"] = 7, ["dataOutputAssociation"] = 7, ["dataOutput"] = 7, ["dataInput"] = 7,
        ["outputSet"] = 8, ["inputSet"] = 8, ["performer"] = 8, ["potentialOwner"] = 8, ["humanPerformer"] = 8,
        ["standardLoopCharacteristics"] = LoopCharacteristics, ["multiInstanceLoopCharacteristics"] = LoopCharacteristics,
        ["textAnnotation"] = Artifacts, ["association"] = Artifacts, ["group"] = Artifacts,
        ["participant"] = FlowElements, ["messageFlow"] = Artifacts,
        ["loopCardinality"] = 20, ["loopDataInputRef"] = 21, ["loopDataOutputRef"] = 22, ["inputDataItem"] = 23,
        ["outputDataItem"] = 24, ["complexBehaviorDefinition"] = 25, ["completionCondition"] = 26,
    };

    public static int Rank(XElement element)
    {
        if (element.Name.Namespace == BpmnNamespaces.Di) return Diagram;
        if (element.Name.Namespace != BpmnNamespaces.Model) return Content;
        var local = element.Name.LocalName;
        if (Ranks.TryGetValue(local, out var rank)) return rank;
        if (local.EndsWith("EventDefinition", StringComparison.Ordinal) || local == "eventDefinitionRef") return EventDefinitions;
        return BpmnElementNames.IsTypedFlowElement(local) ? FlowElements : Content;
    }
}
