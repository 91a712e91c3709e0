using Wbpm.Domain.Modeling.Validation;

namespace Wbpm.Domain.Expressions;

/// <summary>The model validator's expression check, answered by the FEEL parser (and its parse cache).</summary>
public sealed class FeelSyntaxChecker(FeelEngine feel) : IExpressionSyntaxChecker
{
    public ExpressionSyntaxError? Check(string expression) =>
        feel.CheckSyntax(expression) is { } error ? new ExpressionSyntaxError(error.Message, error.Line, error.Column) : null;
}
