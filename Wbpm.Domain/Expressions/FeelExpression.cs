using Wbpm.Domain.Expressions.Evaluation;
using Wbpm.Domain.Expressions.Syntax;

namespace Wbpm.Domain.Expressions;

/// <summary>
/// A parsed expression: immutable and thread-safe, evaluate it as often as needed. Obtain one from
/// <see cref="FeelEngine.Parse"/> (cached per text).
/// </summary>
public sealed class FeelExpression
{
    private readonly FeelNode _root;
    private readonly FeelOptions _options;

    internal FeelExpression(string text, FeelNode root, FeelOptions options)
    {
        Text = text;
        _root = root;
        _options = options;
    }

    /// <summary>The source text as written (including a leading '=' if there was one).</summary>
    public string Text { get; }

    /// <summary>
    /// Evaluates with the given variables (FEEL values, CLR numbers or JsonElements) and the caller's `now`.
    /// Returns null for FEEL nulls and errors; throws <see cref="FeelEvaluationException"/> when a limit is hit.
    /// </summary>
    public object? Evaluate(IReadOnlyDictionary<string, object?> variables, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Evaluator.Evaluate(_root, variables, new EvaluationContext(_options, now));
    }

    /// <summary>True only when the result is the boolean true: null or non-boolean results are false.</summary>
    public bool EvaluateCondition(IReadOnlyDictionary<string, object?> variables, DateTimeOffset now) =>
        Evaluate(variables, now) is true;

    public override string ToString() => Text;
}
