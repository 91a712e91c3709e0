namespace Wbpm.Domain.Modeling;

/// <summary>
/// &lt;definitions&gt; (section 8.3.5): the document. Root elements we don't type (itemDefinition, interface,
/// import, DI diagrams, ...) stay in <see cref="ModelElement.Source"/> and are written back unchanged.
/// </summary>
public sealed record BpmnDefinitions : ModelElement
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public required string TargetNamespace { get; init; }
    public string? Exporter { get; init; }
    public string? ExporterVersion { get; init; }

    /// <summary>Processes, collaborations, messages, signals, errors, escalations and data stores, in document order.</summary>
    public IReadOnlyList<RootElement> RootElements { get; init; } = [];
}
