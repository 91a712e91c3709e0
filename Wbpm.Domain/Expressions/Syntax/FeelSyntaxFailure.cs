namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>Internal control-flow exception of the lexer and parser; surfaced as <see cref="FeelSyntaxError"/>.</summary>
internal sealed class FeelSyntaxFailure(FeelSyntaxError error) : Exception(error.Message)
{
    public FeelSyntaxError Error { get; } = error;

    public static FeelSyntaxFailure At(string message, int line, int column) => new(new FeelSyntaxError(message, line, column));
}
