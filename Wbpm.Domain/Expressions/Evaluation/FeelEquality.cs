namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// FEEL equality (DMN 1.3 §10.3.2.2, table 53): numbers by value (1 = 1.0), strings ordinally, temporal
/// values by value, lists element-wise, contexts entry-wise. null = null is true and null = x is false;
/// two non-null values of different types are not comparable and give null.
/// </summary>
internal static class FeelEquality
{
    public static bool? AreEqual(object? left, object? right, EvaluationContext context)
    {
        EvaluationContext.GuardStack();
        context.Step();
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return (left, right) switch
        {
            (decimal a, decimal b) => a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (DateOnly a, DateOnly b) => a == b,
            (TimeOnly a, TimeOnly b) => a == b,
            (DateTimeOffset a, DateTimeOffset b) => a == b,
            (DateTime a, DateTime b) => a == b,
            (TimeSpan a, TimeSpan b) => a == b,
            (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => a == b,
            (FeelRange a, FeelRange b) => RangesEqual(a, b, context),
            (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => ListsEqual(a, b, context),
            (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) => ContextsEqual(a, b, context),
            _ => null,
        };
    }

    private static bool? ListsEqual(IReadOnlyList<object?> left, IReadOnlyList<object?> right, EvaluationContext context)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            var equal = AreEqual(left[i], right[i], context);
            if (equal != true)
            {
                return equal;
            }
        }

        return true;
    }

    private static bool? ContextsEqual(IReadOnlyDictionary<string, object?> left, IReadOnlyDictionary<string, object?> right, EvaluationContext context)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other))
            {
                return false;
            }

            var equal = AreEqual(value, other, context);
            if (equal != true)
            {
                return equal;
            }
        }

        return true;
    }

    private static bool? RangesEqual(FeelRange left, FeelRange right, EvaluationContext context) =>
        left.StartIncluded == right.StartIncluded && left.EndIncluded == right.EndIncluded
            ? TernaryLogic.And(AreEqual(left.Start, right.Start, context), AreEqual(left.End, right.End, context))
            : false;
}
