using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>The body of a built-in function: receives evaluated FEEL values, returns a FEEL value (null on misuse).</summary>
internal delegate object? FeelFunctionBody(IReadOnlyList<object?> arguments, EvaluationContext context);

/// <summary>A built-in function with its arity (checked by the parser) and signature (for docs and messages).</summary>
internal sealed record BuiltInFunction(string Name, string Signature, int MinArguments, int MaxArguments, FeelFunctionBody Body)
{
    public const int Variadic = int.MaxValue;

    public string DescribeArity() => (MinArguments, MaxArguments) switch
    {
        (var min, var max) when min == max => min == 1 ? "1 argument" : $"{min} arguments",
        (var min, Variadic) => $"at least {min} argument{(min == 1 ? "" : "s")}",
        (var min, var max) => $"{min} to {max} arguments",
    };
}
