namespace Wbpm.Domain.Expressions;

/// <summary>The first problem found in an expression: a message and its 1-based line and column.</summary>
public sealed record FeelSyntaxError(string Message, int Line, int Column)
{
    public override string ToString() => $"{Message} (line {Line}, column {Column})";
}
