using System.Runtime.CompilerServices;

namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// Per-evaluation state shared by the evaluator and the built-in functions: the caller's `now` and the
/// resource budget. Not thread-safe; one instance per evaluation.
/// </summary>
internal sealed class EvaluationContext(FeelOptions options, DateTimeOffset now)
{
    /// <summary>Large allocations cost one step per this many list elements (or 10x as many characters).</summary>
    private const int ElementsPerStep = 100;

    private int _steps;

    public FeelOptions Options { get; } = options;

    public DateTimeOffset Now { get; } = now;

    public int Steps => _steps;

    public void Step() => Charge(1);

    public void Charge(int steps)
    {
        _steps += steps;
        if (_steps > Options.MaxSteps)
        {
            throw new FeelEvaluationException(
                $"Expression evaluation exceeded the step limit of {Options.MaxSteps} (a loop or list too large?).");
        }
    }

    /// <summary>Checks a list about to be created and charges for it, so repeated big allocations hit the step limit.</summary>
    public void AllocateList(long count)
    {
        if (count > Options.MaxListSize)
        {
            throw new FeelEvaluationException($"Expression evaluation created a list larger than the limit of {Options.MaxListSize} elements.");
        }

        Charge((int)(count / ElementsPerStep));
    }

    public void AllocateString(long length)
    {
        if (length > Options.MaxStringLength)
        {
            throw new FeelEvaluationException($"Expression evaluation created a string longer than the limit of {Options.MaxStringLength} characters.");
        }

        Charge((int)(length / (ElementsPerStep * 10)));
    }

    /// <summary>Recursion over host data (deeply nested lists/contexts) must end in an error, never a stack overflow.</summary>
    public static void GuardStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new FeelEvaluationException("Expression evaluation nested too deeply.");
        }
    }
}
