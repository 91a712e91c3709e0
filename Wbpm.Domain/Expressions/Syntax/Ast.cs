namespace Wbpm.Domain.Expressions.Syntax;

// The abstract syntax tree: immutable records, evaluated by Evaluation.Evaluator.
// Every node keeps the 1-based position of its first token for diagnostics.

internal abstract record FeelNode(int Line, int Column);

internal sealed record LiteralNode(object? Value, int Line, int Column) : FeelNode(Line, Column);

/// <summary>A variable, an iteration variable, `item`, or `?` (the input of a unary test).</summary>
internal sealed record NameNode(string Name, int Line, int Column) : FeelNode(Line, Column);

/// <summary>`target.name` (DMN 1.3 §10.3.2.5: on a list it maps over the elements).</summary>
internal sealed record PathNode(FeelNode Target, string Name, int Line, int Column) : FeelNode(Line, Column);

/// <summary>`list[filter]`: a number indexes (1-based, negative from the end), a boolean filters (§10.3.2.5).</summary>
internal sealed record FilterNode(FeelNode Target, FeelNode Filter, int Line, int Column) : FeelNode(Line, Column);

internal sealed record ListNode(IReadOnlyList<FeelNode> Items, int Line, int Column) : FeelNode(Line, Column);

internal sealed record ContextEntryNode(string Key, FeelNode Value);

internal sealed record ContextNode(IReadOnlyList<ContextEntryNode> Entries, int Line, int Column) : FeelNode(Line, Column);

internal sealed record RangeNode(FeelNode? Start, bool StartIncluded, FeelNode? End, bool EndIncluded, int Line, int Column)
    : FeelNode(Line, Column);

internal sealed record FunctionCallNode(string Name, IReadOnlyList<FeelNode> Arguments, int Line, int Column) : FeelNode(Line, Column);

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed record BinaryNode(BinaryOperator Operator, FeelNode Left, FeelNode Right, int Line, int Column) : FeelNode(Line, Column);

internal sealed record NegateNode(FeelNode Operand, int Line, int Column) : FeelNode(Line, Column);

internal sealed record AndNode(FeelNode Left, FeelNode Right, int Line, int Column) : FeelNode(Line, Column);

internal sealed record OrNode(FeelNode Left, FeelNode Right, int Line, int Column) : FeelNode(Line, Column);

internal sealed record BetweenNode(FeelNode Value, FeelNode Low, FeelNode High, int Line, int Column) : FeelNode(Line, Column);

/// <summary>`value in tests`: true when any positive unary test matches (§10.3.2.12).</summary>
internal sealed record InNode(FeelNode Value, IReadOnlyList<UnaryTest> Tests, int Line, int Column) : FeelNode(Line, Column);

internal sealed record InstanceOfNode(FeelNode Value, string TypeName, int Line, int Column) : FeelNode(Line, Column);

internal sealed record IfNode(FeelNode Condition, FeelNode Then, FeelNode Else, int Line, int Column) : FeelNode(Line, Column);

internal sealed record IterationContext(string Name, FeelNode Source, FeelNode? RangeEnd);

internal sealed record ForNode(IReadOnlyList<IterationContext> Iterations, FeelNode Body, int Line, int Column) : FeelNode(Line, Column);

internal sealed record QuantifiedNode(bool IsEvery, IReadOnlyList<IterationContext> Iterations, FeelNode Condition, int Line, int Column)
    : FeelNode(Line, Column);

// Positive unary tests (right-hand side of `in`).

internal abstract record UnaryTest;

/// <summary>`< 5`, `>= x`: compares the input with the operand.</summary>
internal sealed record ComparisonTest(BinaryOperator Operator, FeelNode Operand) : UnaryTest;

/// <summary>
/// A plain expression: a range tests containment, a list tests membership, anything else tests
/// equality. When it uses `?`, its boolean result is the test result.
/// </summary>
internal sealed record ExpressionTest(FeelNode Expression, bool UsesInput) : UnaryTest;
