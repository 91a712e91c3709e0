using System.Xml.Linq;
using Wbpm.Domain.Modeling.Reading;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>
/// Writes &lt;extensionElements&gt; of a flow node: retained as-is unless the typed input/output parameters or call
/// activity mappings changed; then only those children are rewritten, in the wbpm namespace.
/// </summary>
internal static class ExtensionElementsWriter
{
    private static readonly XNamespace Wbpm = BpmnNamespaces.Wbpm;
    private static readonly XNamespace Camunda = BpmnNamespaces.Camunda;

    public static ValuePart Part(FlowNode node)
    {
        var source = node.Source?.Child("extensionElements");
        return new ValuePart(c => ReferenceEquals(c, source), Render(node, source), SchemaOrder.ExtensionElements);
    }

    private static IReadOnlyList<XElement> Render(FlowNode node, XElement? source)
    {
        var (inputs, outputs) = ExtensionElementsReader.ReadIo(source);
        var ioChanged = !inputs.SequenceEqual(node.InputParameters) || !outputs.SequenceEqual(node.OutputParameters);
        var mappingsChanged = false;
        if (node is CallActivity call)
        {
            var (inMappings, outMappings) = ExtensionElementsReader.ReadMappings(source);
            mappingsChanged = !inMappings.SequenceEqual(call.InMappings) || !outMappings.SequenceEqual(call.OutMappings);
        }
        if (!ioChanged && !mappingsChanged)
            return source is null ? [] : [new XElement(source)];

        var extension = source is null ? new XElement(BpmnNamespaces.Model + "extensionElements") : new XElement(source);
        if (ioChanged)
        {
            extension.Elements().Where(e => e.Name == Wbpm + "inputOutput" || e.Name == Camunda + "inputOutput").Remove();
            if (node.InputParameters.Count + node.OutputParameters.Count > 0)
                extension.Add(new XElement(Wbpm + "inputOutput",
                    node.InputParameters.Select(p => Parameter("inputParameter", p)),
                    node.OutputParameters.Select(p => Parameter("outputParameter", p))));
        }
        if (mappingsChanged && node is CallActivity activity)
        {
            extension.Elements()
                .Where(e => (e.Name.Namespace == Wbpm || e.Name.Namespace == Camunda) && e.Name.LocalName is "in" or "out")
                .Remove();
            extension.Add(activity.InMappings.Select(m => Mapping("in", m)), activity.OutMappings.Select(m => Mapping("out", m)));
        }
        return extension.HasElements || extension.HasAttributes || source is not null ? [extension] : [];
    }

    private static XElement Parameter(string localName, IoParameter parameter) =>
        new(Wbpm + localName, new XAttribute("name", parameter.Name), parameter.Expression);

    private static XElement Mapping(string localName, VariableMapping mapping) =>
        new(Wbpm + localName,
            mapping.Source is null ? null : new XAttribute("source", mapping.Source),
            mapping.SourceExpression is null ? null : new XAttribute("sourceExpression", mapping.SourceExpression),
            mapping.Target is null ? null : new XAttribute("target", mapping.Target),
            mapping.AllVariables ? new XAttribute("variables", "all") : null);
}
