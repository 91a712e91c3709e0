using System.Globalization;
using System.Text;
using System.Text.Json;
using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>
/// Runs table rows of (expression, variables as JSON, expected) and describes results in a canonical,
/// engine-independent text: numbers without trailing zeros, strings quoted, temporal values as their
/// FEEL constructor, lists and contexts recursively.
/// </summary>
internal static class FeelTestSupport
{
    public static readonly DateTimeOffset Now = new(2025, 1, 31, 10, 30, 0, TimeSpan.Zero);

    public static readonly FeelEngine Engine = new();

    /// <summary>Variables from a JSON object, handed over as JsonElements, as the engine stores them.</summary>
    public static IReadOnlyDictionary<string, object?> Variables(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, object?>();
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
    }

    public static string EvaluateAndDescribe(string expression, string variablesJson) =>
        Describe(Engine.Evaluate(expression, Variables(variablesJson), Now));

    public static string Describe(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        string s => "\"" + s + "\"",
        DateOnly d => $"date(\"{d:yyyy-MM-dd}\")",
        TimeOnly t => $"time(\"{t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')}\")",
        DateTimeOffset dt => $"date and time(\"{dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')}{(dt.Offset == TimeSpan.Zero ? "Z" : dt.ToString("zzz", CultureInfo.InvariantCulture))}\")",
        DateTime dt => $"local date and time(\"{dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')}\")",
        TimeSpan ts => $"days and time duration({ts.Ticks / TimeSpan.TicksPerSecond}s)",
        FeelYearsMonthsDuration ym => $"years and months duration({ym.TotalMonths}m)",
        FeelRange r => $"range({Describe(r.Start)}{(r.StartIncluded ? "[" : "(")}..{Describe(r.End)}{(r.EndIncluded ? "]" : ")")})",
        IReadOnlyDictionary<string, object?> context => "{" + string.Join(", ", context.Select(e => $"{e.Key}: {Describe(e.Value)}")) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        _ => $"<unexpected {value.GetType().Name}>",
    };
}
