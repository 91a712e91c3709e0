namespace Wbpm.Domain.Modeling.Validation;

/// <summary>A syntax error in an expression; line and column are 1-based within the expression text.</summary>
public sealed record ExpressionSyntaxError(string Message, int Line, int Column);

/// <summary>
/// Checks the syntax of a FEEL expression. Implemented over Wbpm.Domain.Expressions.FeelEngine.CheckSyntax by the
/// composition root; kept as a port here so Modeling does not depend on the expression language's build.
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
