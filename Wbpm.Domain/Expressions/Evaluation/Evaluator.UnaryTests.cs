using Wbpm.Domain.Expressions.Syntax;

namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>`between`, `in` and ranges (DMN 1.3 §10.3.2.7 and §10.3.2.12).</summary>
internal sealed partial class Evaluator
{
    private bool? EvalBetween(BetweenNode between, Scope scope)
    {
        var value = Eval(between.Value, scope);
        var low = Eval(between.Low, scope);
        var high = Eval(between.High, scope);
        return TernaryLogic.And(Compare(BinaryOperator.GreaterOrEqual, value, low), Compare(BinaryOperator.LessOrEqual, value, high));
    }

    /// <summary>True when any test matches; null when none matches but one could not be decided; else false.</summary>
    private bool? EvalIn(InNode node, Scope scope)
    {
        var value = Eval(node.Value, scope);
        var undecided = false;
        foreach (var test in node.Tests)
        {
            switch (Matches(test, value, scope))
            {
                case true:
                    return true;
                case null:
                    undecided = true;
                    break;
            }
        }

        return undecided ? null : false;
    }

    private bool? Matches(UnaryTest test, object? value, Scope scope)
    {
        var testScope = scope.With("?", value);
        switch (test)
        {
            case ComparisonTest comparison:
                return Compare(comparison.Operator, value, Eval(comparison.Operand, testScope));
            case ExpressionTest { UsesInput: true } expression:
                return TernaryLogic.AsBoolean(Eval(expression.Expression, testScope));
            case ExpressionTest expression:
                return MatchesValue(value, Eval(expression.Expression, testScope));
            default:
                return null;
        }
    }

    /// <summary>A range tests containment, a list membership (of values or ranges), anything else equality.</summary>
    private bool? MatchesValue(object? value, object? test)
    {
        switch (test)
        {
            case FeelRange range:
                return InRange(value, range);
            case IReadOnlyList<object?> list:
                var undecided = false;
                foreach (var element in list)
                {
                    var match = element is FeelRange elementRange ? InRange(value, elementRange) : FeelEquality.AreEqual(value, element, _context);
                    if (match == true)
                    {
                        return true;
                    }

                    undecided |= match is null;
                }

                return undecided ? null : false;
            default:
                return FeelEquality.AreEqual(value, test, _context);
        }
    }

    private bool? InRange(object? value, FeelRange range)
    {
        var afterStart = range.Start is null ? null : Compare(range.StartIncluded ? BinaryOperator.GreaterOrEqual : BinaryOperator.Greater, value, range.Start);
        var beforeEnd = range.End is null ? null : Compare(range.EndIncluded ? BinaryOperator.LessOrEqual : BinaryOperator.Less, value, range.End);
        return TernaryLogic.And(afterStart, beforeEnd);
    }
}
