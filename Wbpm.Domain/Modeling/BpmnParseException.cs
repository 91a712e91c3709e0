namespace Wbpm.Domain.Modeling;

/// <summary>One reason a document could not be read. Line and column are 1-based; 0 when unknown.</summary>
public sealed record BpmnParseError(string Message, int Line, int Column, string? ElementId = null)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"line {Line}, column {Column}" : "unknown position";
        var element = ElementId is null ? "" : $" (element '{ElementId}')";
        return $"{where}{element}: {Message}";
    }
}

/// <summary>The document is not a BPMN 2.0 model we can read safely; <see cref="Errors"/> says why and where.</summary>
public sealed class BpmnParseException : Exception
{
    public BpmnParseException(IReadOnlyList<BpmnParseError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<BpmnParseError> Errors { get; }

    private static string Describe(IReadOnlyList<BpmnParseError> errors) =>
        errors.Count == 1
            ? "The BPMN document cannot be read: " + errors[0]
            : $"The BPMN document cannot be read ({errors.Count} errors):" + Environment.NewLine +
              string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
