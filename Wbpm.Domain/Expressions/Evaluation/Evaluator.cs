using System.Runtime.CompilerServices;
using Wbpm.Domain.Expressions.Functions;
using Wbpm.Domain.Expressions.Syntax;
using Wbpm.Domain.Expressions.Values;

namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// Tree-walking evaluator. Every node visit costs one step of the budget; the tree depth is bounded by
/// the parser, so recursion is bounded too. FEEL errors (unknown names, type mismatches) give null.
/// Split by concern: this file dispatches and handles names, operators and calls; the other partial
/// files handle collections, unary tests and iterations.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly EvaluationContext _context;

    private Evaluator(EvaluationContext context) => _context = context;

    public static object? Evaluate(FeelNode root, IReadOnlyDictionary<string, object?> variables, EvaluationContext context) =>
        new Evaluator(context).Eval(root, Scope.ForVariables(variables));

    private object? Eval(FeelNode node, Scope scope)
    {
        _context.Step();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new FeelEvaluationException("Expression evaluation nested too deeply.");
        }

        return node switch
        {
            LiteralNode literal => literal.Value,
            NameNode name => scope.TryLookup(name.Name, out var value) ? value : null,
            PathNode path => PathNavigator.Select(Eval(path.Target, scope), path.Name, _context),
            FilterNode filter => EvalFilter(filter, scope),
            ListNode list => EvalList(list, scope),
            ContextNode entries => EvalContext(entries, scope),
            RangeNode range => EvalRange(range, scope),
            FunctionCallNode call => EvalCall(call, scope),
            BinaryNode binary => EvalBinary(binary, scope),
            NegateNode negate => FeelArithmetic.Negate(Eval(negate.Operand, scope)),
            AndNode and => EvalAnd(and, scope),
            OrNode or => EvalOr(or, scope),
            BetweenNode between => EvalBetween(between, scope),
            InNode test => EvalIn(test, scope),
            InstanceOfNode instance => FeelTypes.IsInstanceOf(Eval(instance.Value, scope), instance.TypeName),
            IfNode conditional => Eval(Eval(conditional.Condition, scope) is true ? conditional.Then : conditional.Else, scope),
            ForNode loop => EvalFor(loop, scope),
            QuantifiedNode quantified => EvalQuantified(quantified, scope),
            _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
        };
    }

    private object? EvalBinary(BinaryNode binary, Scope scope)
    {
        var left = Eval(binary.Left, scope);
        var right = Eval(binary.Right, scope);
        return binary.Operator switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Power
                => FeelArithmetic.Apply(binary.Operator, left, right, _context),
            _ => Compare(binary.Operator, left, right),
        };
    }

    /// <summary>= and != use FEEL equality; the orderings are null when the operands are not comparable.</summary>
    private bool? Compare(BinaryOperator op, object? left, object? right)
    {
        if (op == BinaryOperator.Equal)
        {
            return FeelEquality.AreEqual(left, right, _context);
        }

        if (op == BinaryOperator.NotEqual)
        {
            return TernaryLogic.Not(FeelEquality.AreEqual(left, right, _context));
        }

        return FeelComparer.Compare(left, right) is not { } order ? null : op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.GreaterOrEqual => order >= 0,
            _ => null,
        };
    }

    // `false and x` is false whatever x is, so skipping x is invisible (no side effects in FEEL).
    private bool? EvalAnd(AndNode and, Scope scope)
    {
        var left = TernaryLogic.AsBoolean(Eval(and.Left, scope));
        return left == false ? false : TernaryLogic.And(left, TernaryLogic.AsBoolean(Eval(and.Right, scope)));
    }

    private bool? EvalOr(OrNode or, Scope scope)
    {
        var left = TernaryLogic.AsBoolean(Eval(or.Left, scope));
        return left == true ? true : TernaryLogic.Or(left, TernaryLogic.AsBoolean(Eval(or.Right, scope)));
    }

    private object? EvalCall(FunctionCallNode call, Scope scope)
    {
        if (call.Name == "is defined")
        {
            return IsDefined(call.Arguments[0], scope);
        }

        var function = BuiltInFunctions.Get(call.Name);
        var arguments = new object?[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Eval(call.Arguments[i], scope);
        }

        return function.Body(arguments, _context);
    }

    /// <summary>is defined(x): the name (or the context entry of a path) exists, even when its value is null.</summary>
    private bool IsDefined(FeelNode argument, Scope scope) => argument switch
    {
        NameNode name => scope.TryLookup(name.Name, out _),
        PathNode path => Eval(path.Target, scope) is IReadOnlyDictionary<string, object?> entries && entries.ContainsKey(path.Name),
        _ => Eval(argument, scope) is not null,
    };
}
