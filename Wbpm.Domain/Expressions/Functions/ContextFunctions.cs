using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>Boolean and context functions (DMN 1.3 §10.3.4.2, §10.3.4.8; is defined from Camunda's FEEL).</summary>
internal static class ContextFunctions
{
    public static IEnumerable<BuiltInFunction> All =>
    [
        new("not", "not(negand)", 1, 1, (a, _) => TernaryLogic.Not(TernaryLogic.AsBoolean(a.At(0)))),

        // Evaluated by the evaluator itself: it needs the unevaluated argument to see whether a name exists.
        new("is defined", "is defined(value)", 1, 1, (a, _) => a.At(0) is not null),
        new("get value", "get value(context, key)", 2, 2, (a, _) =>
            a.At(0) is IReadOnlyDictionary<string, object?> entries && a.StringAt(1) is { } key && entries.TryGetValue(key, out var value) ? value : null),
        new("get entries", "get entries(context)", 1, 1, GetEntries),
        new("context put", "context put(context, key, value)", 3, 3, Put),
        new("context merge", "context merge(contexts)", 1, 1, Merge),
    ];

    /// <summary>get entries({a: 1}) = [{key: "a", value: 1}].</summary>
    private static object? GetEntries(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.At(0) is not IReadOnlyDictionary<string, object?> entries)
        {
            return null;
        }

        context.AllocateList(entries.Count);
        return entries
            .Select(e => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = e.Key, ["value"] = e.Value })
            .ToList();
    }

    private static object? Put(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.At(0) is not IReadOnlyDictionary<string, object?> entries || a.StringAt(1) is not { } key)
        {
            return null;
        }

        context.Charge(entries.Count / 100);
        var copy = new Dictionary<string, object?>(entries, StringComparer.Ordinal) { [key] = a.At(2) };
        return copy;
    }

    private static object? Merge(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list)
        {
            return null;
        }

        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is not IReadOnlyDictionary<string, object?> entries)
            {
                return null;
            }

            context.Charge(1 + (entries.Count / 100));
            foreach (var (key, value) in entries)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
