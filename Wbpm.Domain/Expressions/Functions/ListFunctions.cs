using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>List functions (DMN 1.3 §10.3.4.4). Positions are 1-based; negative positions count from the end.</summary>
internal static class ListFunctions
{
    private const int Variadic = BuiltInFunction.Variadic;

    public static IEnumerable<BuiltInFunction> All =>
    [
        new("list contains", "list contains(list, element)", 2, 2, (a, c) => a.ListAt(0) is { } list ? IndexOf(list, a.At(1), c) >= 0 : null),
        new("count", "count(list)", 1, 1, (a, _) => a.ListAt(0) is { } list ? (decimal)list.Count : null),
        new("min", "min(list) or min(c1, ..., cN)", 1, Variadic, (a, c) => Extreme(a.ListOrItems(), -1, c)),
        new("max", "max(list) or max(c1, ..., cN)", 1, Variadic, (a, c) => Extreme(a.ListOrItems(), 1, c)),
        new("sum", "sum(list) or sum(n1, ..., nN)", 1, Variadic, (a, c) => Sum(a.ListOrItems(), c)),
        new("mean", "mean(list) or mean(n1, ..., nN)", 1, Variadic, (a, c) => Mean(a.ListOrItems(), c)),
        new("product", "product(list) or product(n1, ..., nN)", 1, Variadic, (a, c) => Product(a.ListOrItems(), c)),
        new("median", "median(list) or median(n1, ..., nN)", 1, Variadic, (a, c) => Median(a.ListOrItems(), c)),
        new("all", "all(list) or all(b1, ..., bN)", 1, Variadic, (a, c) => AllTrue(a.ListOrItems(), c)),
        new("any", "any(list) or any(b1, ..., bN)", 1, Variadic, (a, c) => AnyTrue(a.ListOrItems(), c)),
        new("sublist", "sublist(list, start position, length?)", 2, 3, Sublist),
        new("append", "append(list, item...)", 1, Variadic, (a, c) => a.ListAt(0) is { } list ? Build(c, list, a.Skip(1)) : null),
        new("concatenate", "concatenate(list...)", 1, Variadic, Concatenate),
        new("insert before", "insert before(list, position, newItem)", 3, 3, InsertBefore),
        new("remove", "remove(list, position)", 2, 2, Remove),
        new("reverse", "reverse(list)", 1, 1, (a, c) => a.ListAt(0) is { } list ? Build(c, list.Reverse()) : null),
        new("index of", "index of(list, match)", 2, 2, IndexesOf),
        new("union", "union(list...)", 1, Variadic, (a, c) => a.All(x => x is IReadOnlyList<object?>) ? Distinct(a.SelectMany(x => (IReadOnlyList<object?>)x!), c) : null),
        new("distinct values", "distinct values(list)", 1, 1, (a, c) => a.ListAt(0) is { } list ? Distinct(list, c) : null),
        new("flatten", "flatten(list)", 1, 1, (a, c) => a.ListAt(0) is { } list ? Flatten(list, c) : null),
        new("sort", "sort(list)", 1, 1, Sort),
    ];

    private static List<object?> Build(EvaluationContext context, params IEnumerable<object?>[] parts)
    {
        var result = new List<object?>();
        foreach (var part in parts)
        {
            foreach (var item in part)
            {
                result.Add(item);
                if (result.Count > context.Options.MaxListSize)
                {
                    context.AllocateList(result.Count);
                }
            }
        }

        context.AllocateList(result.Count);
        return result;
    }

    private static int IndexOf(IReadOnlyList<object?> list, object? match, EvaluationContext context)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (FeelEquality.AreEqual(list[i], match, context) == true)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>min (direction -1) or max (+1); null when empty or when the elements are not comparable.</summary>
    private static object? Extreme(IReadOnlyList<object?>? list, int direction, EvaluationContext context)
    {
        if (list is null || list.Count == 0)
        {
            return null;
        }

        var best = list[0];
        foreach (var item in list.Skip(1))
        {
            context.Step();
            if (FeelComparer.Compare(item, best) is not { } order)
            {
                return null;
            }

            if (order * direction > 0)
            {
                best = item;
            }
        }

        return best is null || FeelComparer.Compare(best, best) is null ? null : best;
    }

    private static List<decimal>? Numbers(IReadOnlyList<object?>? list, EvaluationContext context)
    {
        if (list is null)
        {
            return null;
        }

        context.Charge(list.Count / 100);
        var numbers = new List<decimal>(list.Count);
        foreach (var item in list)
        {
            if (item is not decimal number)
            {
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }

    private static object? Sum(IReadOnlyList<object?>? list, EvaluationContext context) =>
        Numbers(list, context) is { Count: > 0 } numbers ? Checked(() => numbers.Sum()) : null;

    private static object? Mean(IReadOnlyList<object?>? list, EvaluationContext context) =>
        Numbers(list, context) is { Count: > 0 } numbers ? Checked(() => numbers.Sum() / numbers.Count) : null;

    private static object? Product(IReadOnlyList<object?>? list, EvaluationContext context) =>
        Numbers(list, context) is { Count: > 0 } numbers ? Checked(() => numbers.Aggregate(1m, (x, y) => x * y)) : null;

    private static object? Median(IReadOnlyList<object?>? list, EvaluationContext context)
    {
        if (Numbers(list, context) is not { Count: > 0 } numbers)
        {
            return null;
        }

        numbers.Sort();
        var middle = numbers.Count / 2;
        return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }

    private static object? Checked(Func<decimal> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>all: false if any is false, true if all are true, else null (three-valued, like `and`).</summary>
    private static object? AllTrue(IReadOnlyList<object?>? list, EvaluationContext context)
    {
        if (list is null)
        {
            return null;
        }

        bool? result = true;
        foreach (var item in list)
        {
            context.Step();
            result = TernaryLogic.And(result, TernaryLogic.AsBoolean(item));
        }

        return result;
    }

    private static object? AnyTrue(IReadOnlyList<object?>? list, EvaluationContext context)
    {
        if (list is null)
        {
            return null;
        }

        bool? result = false;
        foreach (var item in list)
        {
            context.Step();
            result = TernaryLogic.Or(result, TernaryLogic.AsBoolean(item));
        }

        return result;
    }

    /// <summary>Turns a 1-based (or negative) position into a 0-based index, or -1 when out of range.</summary>
    private static int ToIndex(decimal position, int count)
    {
        if (position != decimal.Truncate(position) || position == 0 || Math.Abs(position) > count)
        {
            return -1;
        }

        return position > 0 ? (int)position - 1 : count + (int)position;
    }

    private static object? Sublist(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list || a.NumberAt(1) is not { } start)
        {
            return null;
        }

        var from = ToIndex(start, list.Count);
        if (from < 0)
        {
            return null;
        }

        var length = list.Count - from;
        if (a.Count > 2)
        {
            if (a.OptionalIntAt(2, 0) is not { } requested || requested < 0 || requested > length)
            {
                return null;
            }

            length = requested;
        }

        return Build(context, list.Skip(from).Take(length));
    }

    private static object? Concatenate(IReadOnlyList<object?> a, EvaluationContext context) =>
        a.All(x => x is IReadOnlyList<object?>) ? Build(context, [.. a.Cast<IReadOnlyList<object?>>()]) : null;

    private static object? InsertBefore(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list || a.NumberAt(1) is not { } position)
        {
            return null;
        }

        var index = ToIndex(position, list.Count);
        if (index < 0)
        {
            return null;
        }

        return Build(context, list.Take(index), [a[2]], list.Skip(index));
    }

    private static object? Remove(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list || a.NumberAt(1) is not { } position)
        {
            return null;
        }

        var index = ToIndex(position, list.Count);
        if (index < 0)
        {
            return null;
        }

        return Build(context, list.Take(index), list.Skip(index + 1));
    }

    private static object? IndexesOf(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list)
        {
            return null;
        }

        var positions = new List<object?>();
        for (var i = 0; i < list.Count; i++)
        {
            if (FeelEquality.AreEqual(list[i], a[1], context) == true)
            {
                positions.Add((decimal)(i + 1));
            }
        }

        return positions;
    }

    private static List<object?> Distinct(IEnumerable<object?> items, EvaluationContext context)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            if (IndexOf(result, item, context) < 0)
            {
                result.Add(item);
                if (result.Count > context.Options.MaxListSize)
                {
                    context.AllocateList(result.Count);
                }
            }
        }

        return result;
    }

    private static List<object?> Flatten(IReadOnlyList<object?> list, EvaluationContext context)
    {
        var result = new List<object?>();
        AddFlattened(list, result, context);
        context.AllocateList(result.Count);
        return result;
    }

    private static void AddFlattened(IReadOnlyList<object?> list, List<object?> result, EvaluationContext context)
    {
        EvaluationContext.GuardStack();
        foreach (var item in list)
        {
            context.Step();
            if (item is IReadOnlyList<object?> nested)
            {
                AddFlattened(nested, result, context);
            }
            else
            {
                result.Add(item);
                if (result.Count > context.Options.MaxListSize)
                {
                    context.AllocateList(result.Count);
                }
            }
        }
    }

    /// <summary>sort(list) in natural order; null when the elements are not mutually comparable. (No precedes function: FEEL function literals are not supported.)</summary>
    private static object? Sort(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list)
        {
            return null;
        }

        var items = list.ToList();
        if (items.Any(item => FeelComparer.Compare(item, items[0]) is null))
        {
            return null;
        }

        context.AllocateList(items.Count);
        return items.OrderBy(item => item, Comparer<object?>.Create((x, y) => FeelComparer.Compare(x, y) ?? 0)).ToList();
    }
}
