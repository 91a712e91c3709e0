using System.Xml;
using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>State shared while reading one document: collected errors and the root-level names refs resolve to.</summary>
internal sealed class ReadContext
{
    private readonly List<BpmnParseError> _errors = [];

    public IReadOnlyList<BpmnParseError> Errors => _errors;

    /// <summary>message id to message name, signal id to name, error id to errorCode, escalation id to code.</summary>
    public Dictionary<string, string?> MessageNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> SignalNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> ErrorCodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> EscalationCodes { get; } = new(StringComparer.Ordinal);

    public void Error(XObject at, string message, string? elementId = null)
    {
        var info = (IXmlLineInfo)at;
        var id = elementId ?? (at as XElement)?.Attribute("id")?.Value;
        _errors.Add(new BpmnParseError(message, info.LineNumber, info.LinePosition, id));
    }

    public static string? Resolve(Dictionary<string, string?> names, string? reference) =>
        reference is not null && names.TryGetValue(ModelIds.Local(reference), out var name) ? name : null;
}
