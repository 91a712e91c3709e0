using System.Text;
using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>String functions (DMN 1.3 §10.3.4.3). Positions and lengths count Unicode code points, 1-based.</summary>
internal static class StringFunctions
{
    public static IEnumerable<BuiltInFunction> All =>
    [
        new("string length", "string length(string)", 1, 1, (a, _) => a.StringAt(0) is { } s ? (decimal)CodePoints(s).Length : null),
        new("substring", "substring(string, start position, length?)", 2, 3, Substring),
        new("upper case", "upper case(string)", 1, 1, (a, _) => a.StringAt(0)?.ToUpperInvariant()),
        new("lower case", "lower case(string)", 1, 1, (a, _) => a.StringAt(0)?.ToLowerInvariant()),
        new("contains", "contains(string, match)", 2, 2, (a, _) => Both(a, (s, m) => s.Contains(m, StringComparison.Ordinal))),
        new("starts with", "starts with(string, match)", 2, 2, (a, _) => Both(a, (s, m) => s.StartsWith(m, StringComparison.Ordinal))),
        new("ends with", "ends with(string, match)", 2, 2, (a, _) => Both(a, (s, m) => s.EndsWith(m, StringComparison.Ordinal))),
        new("substring before", "substring before(string, match)", 2, 2, (a, _) => Both(a, (s, m) => s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : "")),
        new("substring after", "substring after(string, match)", 2, 2, (a, _) => Both(a, (s, m) => s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[(i + m.Length)..] : "")),
        new("matches", "matches(input, pattern, flags?)", 2, 3, Matches),
        new("replace", "replace(input, pattern, replacement, flags?)", 3, 4, Replace),
        new("split", "split(string, delimiter)", 2, 2, Split),
        new("string join", "string join(list, delimiter?)", 1, 2, Join),
    ];

    private static object? Both(IReadOnlyList<object?> a, Func<string, string, object?> body) =>
        a.StringAt(0) is { } s && a.StringAt(1) is { } m ? body(s, m) : null;

    private static string[] CodePoints(string text)
    {
        var points = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            points.Add(rune.ToString());
        }

        return [.. points];
    }

    /// <summary>substring("foobar", 3) = "obar"; a negative start counts from the end: substring("foobar", -2, 1) = "a".</summary>
    private static object? Substring(IReadOnlyList<object?> a, EvaluationContext _)
    {
        if (a.StringAt(0) is not { } text || a.NumberAt(1) is not { } startNumber)
        {
            return null;
        }

        var points = CodePoints(text);
        var start = (long)decimal.Truncate(startNumber);
        var from = start > 0 ? start - 1 : points.Length + start;
        if (start == 0 || from < 0)
        {
            return null;
        }

        if (from >= points.Length)
        {
            return "";
        }

        long count = points.Length - from;
        if (a.Count > 2)
        {
            if (a.NumberAt(2) is not { } length || length < 0)
            {
                return null;
            }

            count = (long)Math.Min(count, decimal.Truncate(length));
        }

        return string.Concat(points.Skip((int)from).Take((int)count));
    }

    private static object? Matches(IReadOnlyList<object?> a, EvaluationContext _)
    {
        if (a.StringAt(0) is not { } input || a.StringAt(1) is not { } pattern || (a.Count > 2 && a.StringAt(2) is null))
        {
            return null;
        }

        var regex = FeelRegex.Create(pattern, a.StringAt(2));
        return regex is null ? null : FeelRegex.Run(() => regex.IsMatch(input));
    }

    private static object? Replace(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.StringAt(0) is not { } input || a.StringAt(1) is not { } pattern || a.StringAt(2) is not { } replacement
            || (a.Count > 3 && a.StringAt(3) is null))
        {
            return null;
        }

        var regex = FeelRegex.Create(pattern, a.StringAt(3));
        if (regex is null)
        {
            return null;
        }

        var result = FeelRegex.Run(() => regex.Replace(input, replacement));
        context.AllocateString(result.Length);
        return result;
    }

    /// <summary>split("a,b,,c", ",") = ["a", "b", "", "c"]; the delimiter is a regular expression.</summary>
    private static object? Split(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.StringAt(0) is not { } input || a.StringAt(1) is not { } delimiter || delimiter.Length == 0)
        {
            return null;
        }

        var regex = FeelRegex.Create(delimiter, null);
        if (regex is null)
        {
            return null;
        }

        var parts = FeelRegex.Run(() => regex.Split(input));
        context.AllocateList(parts.Length);
        return parts.Cast<object?>().ToList();
    }

    private static object? Join(IReadOnlyList<object?> a, EvaluationContext context)
    {
        if (a.ListAt(0) is not { } list || (a.Count > 1 && a.StringAt(1) is null))
        {
            return null;
        }

        var builder = new StringBuilder();
        var separator = a.StringAt(1) ?? "";
        var first = true;
        foreach (var item in list)
        {
            context.Step();
            if (item is null)
            {
                continue; // null items are ignored
            }

            if (item is not string text)
            {
                return null;
            }

            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            builder.Append(text);
            context.AllocateString(builder.Length);
        }

        return builder.ToString();
    }
}
