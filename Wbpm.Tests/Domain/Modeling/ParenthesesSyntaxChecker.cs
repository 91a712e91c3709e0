using Wbpm.Domain.Modeling.Validation;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>A stand-in for the FEEL engine's syntax check: flags unbalanced parentheses, with their position.</summary>
public sealed class ParenthesesSyntaxChecker : IExpressionSyntaxChecker
{
    public ExpressionSyntaxError? Check(string expression)
    {
        var open = new Stack<int>();
        for (var i = 0; i < expression.Length; i++)
        {
            if (expression[i] == '(') open.Push(i);
            else if (expression[i] == ')' && !open.TryPop(out _))
                return new ExpressionSyntaxError("unexpected ')'", 1, i + 1);
        }
        return open.Count > 0 ? new ExpressionSyntaxError("missing ')'", 1, open.Peek() + 1) : null;
    }
}
