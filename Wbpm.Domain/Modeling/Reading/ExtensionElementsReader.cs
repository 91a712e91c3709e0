using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>
/// Reads the typed parts of &lt;extensionElements&gt;: inputOutput parameters and call activity in/out mappings,
/// from wbpm: or else camunda: (wbpm wins when both are present). Everything else there stays retained.
/// </summary>
internal static class ExtensionElementsReader
{
    public static XElement? InputOutputElement(XElement? extensionElements) =>
        extensionElements?.Element(BpmnNamespaces.Wbpm + "inputOutput") ??
        extensionElements?.Element(BpmnNamespaces.Camunda + "inputOutput");

    public static (IReadOnlyList<IoParameter> Inputs, IReadOnlyList<IoParameter> Outputs) ReadIo(XElement? extensionElements)
    {
        var io = InputOutputElement(extensionElements);
        if (io is null) return ([], []);
        return (Parameters(io, "inputParameter"), Parameters(io, "outputParameter"));
    }

    /// <summary>The namespace whose in/out mappings count: wbpm if it has any, else camunda.</summary>
    public static XNamespace? MappingNamespace(XElement? extensionElements)
    {
        if (extensionElements is null) return null;
        if (extensionElements.Elements().Any(e => e.Name.Namespace == BpmnNamespaces.Wbpm && e.Name.LocalName is "in" or "out"))
            return BpmnNamespaces.Wbpm;
        if (extensionElements.Elements().Any(e => e.Name.Namespace == BpmnNamespaces.Camunda && e.Name.LocalName is "in" or "out"))
            return BpmnNamespaces.Camunda;
        return null;
    }

    public static (IReadOnlyList<VariableMapping> In, IReadOnlyList<VariableMapping> Out) ReadMappings(XElement? extensionElements)
    {
        var ns = MappingNamespace(extensionElements);
        if (ns is null || extensionElements is null) return ([], []);
        return (Mappings(extensionElements, ns + "in"), Mappings(extensionElements, ns + "out"));
    }

    private static IReadOnlyList<IoParameter> Parameters(XElement io, string localName) =>
        io.Elements(io.Name.Namespace + localName)
            .Select(p => new IoParameter(
                p.Attribute("name")?.Value ?? "",
                // Camunda allows nested list/map/script values; those have no single expression and stay retained.
                p.HasElements ? null : XmlValues.Text(p)))
            .ToArray();

    private static IReadOnlyList<VariableMapping> Mappings(XElement extensionElements, XName name) =>
        extensionElements.Elements(name)
            .Select(m => new VariableMapping(
                m.Attr("source"), m.Attr("target"), m.Attr("sourceExpression"),
                string.Equals(m.Attr("variables"), "all", StringComparison.Ordinal)))
            .ToArray();
}
