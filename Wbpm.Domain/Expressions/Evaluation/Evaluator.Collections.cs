using Wbpm.Domain.Expressions.Syntax;

namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>List and context literals, ranges and filters.</summary>
internal sealed partial class Evaluator
{
    private List<object?> EvalList(ListNode list, Scope scope)
    {
        _context.AllocateList(list.Items.Count);
        var values = new List<object?>(list.Items.Count);
        foreach (var item in list.Items)
        {
            values.Add(Eval(item, scope));
        }

        return values;
    }

    /// <summary>Later entries see earlier ones: {a: 1, b: a + 1} (DMN 1.3 §10.3.2.6).</summary>
    private Dictionary<string, object?> EvalContext(ContextNode node, Scope scope)
    {
        var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
        var inner = scope.WithEntries(entries);
        foreach (var entry in node.Entries)
        {
            entries[entry.Key] = Eval(entry.Value, inner);
        }

        return entries;
    }

    private FeelRange EvalRange(RangeNode range, Scope scope) => new(
        range.Start is null ? null : Eval(range.Start, scope),
        range.StartIncluded,
        range.End is null ? null : Eval(range.End, scope),
        range.EndIncluded);

    /// <summary>
    /// list[filter] (DMN 1.3 §10.3.2.5): a numeric filter is a 1-based index (negative counts from the end);
    /// otherwise the filter is evaluated per element with `item` bound and, for context elements, the
    /// element's entries in scope first, keeping the elements for which it is true. A non-list value is
    /// treated as a singleton list.
    /// </summary>
    private object? EvalFilter(FilterNode filter, Scope scope)
    {
        var target = Eval(filter.Target, scope);
        if (target is null)
        {
            return null;
        }

        var list = target as IReadOnlyList<object?> ?? [target];
        if (filter.Filter is LiteralNode { Value: decimal literalIndex })
        {
            return ElementAt(list, literalIndex);
        }

        var kept = new List<object?>();
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var itemScope = scope.With("item", item);
            if (item is IReadOnlyDictionary<string, object?> entries)
            {
                itemScope = itemScope.WithEntries(entries);
            }

            var result = Eval(filter.Filter, itemScope);
            if (i == 0 && result is decimal index)
            {
                return ElementAt(list, index);
            }

            if (result is true)
            {
                kept.Add(item);
            }
        }

        _context.AllocateList(kept.Count);
        return kept;
    }

    private static object? ElementAt(IReadOnlyList<object?> list, decimal index)
    {
        if (index != decimal.Truncate(index) || index == 0 || Math.Abs(index) > list.Count)
        {
            return null;
        }

        var position = (int)index;
        return position > 0 ? list[position - 1] : list[list.Count + position];
    }
}
