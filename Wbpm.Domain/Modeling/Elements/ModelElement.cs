using System.Xml.Linq;

namespace Wbpm.Domain.Modeling;

/// <summary>
/// Root of every typed model record. <see cref="Source"/> is the XML element the record was read from
/// (null for records built in code). The writer re-emits everything in it the typed properties don't cover
/// (unknown attributes, extension elements, other vendors' content). Treat it as read-only: the reader never
/// hands it to anyone who mutates it, and the writer only clones it.
/// </summary>
public abstract record ModelElement
{
    public XElement? Source { get; init; }
}

/// <summary>tBaseElement (BPMN 2.0 section 8.3.1): anything with an id and documentation.</summary>
public abstract record BaseElement : ModelElement
{
    public required string Id { get; init; }

    /// <summary>Text of the first <c>documentation</c> child (others are retained in <see cref="ModelElement.Source"/>).</summary>
    public string? Documentation { get; init; }
}

/// <summary>tFlowElement: what lives inside a process or subprocess (section 8.3.7).</summary>
public abstract record FlowElement : BaseElement
{
    public string? Name { get; init; }
}

/// <summary>One input or output parameter of a wbpm:/camunda:inputOutput mapping (name = FEEL expression).</summary>
public sealed record IoParameter(string Name, string? Expression);

/// <summary>One variable mapping of a call activity (wbpm:in / wbpm:out, camunda:in / camunda:out).</summary>
public sealed record VariableMapping(string? Source, string? Target, string? SourceExpression, bool AllVariables);
