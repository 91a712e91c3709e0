namespace Wbpm.Domain.Modeling.Validation;

/// <summary>A syntax error in an expression; line and column are 1-based within the expression text.</summary>
public sealed record ExpressionSyntaxError(string Message, int Line, int Column);

/// <summary>
/// Checks the syntax of a FEEL expression. Wbpm.Domain.Expressions.FeelSyntaxChecker answers it with the FEEL
/// parser; a port keeps Modeling independent of the expression language.
/// </summary>
public interface IExpressionSyntaxChecker
{
    ExpressionSyntaxError? Check(string expression);
}

/// <summary>Accepts every expression: for callers that only want structural validation.</summary>
public sealed class NoExpressionSyntaxChecker : IExpressionSyntaxChecker
{
    public static NoExpressionSyntaxChecker Instance { get; } = new();

    public ExpressionSyntaxError? Check(string expression) => null;
}
