namespace Wbpm.Domain.Expressions.Values;

/// <summary>Type names accepted after `instance of` (DMN 1.3 §10.3.2.9 and §10.3.2.14) and the check itself.</summary>
internal static class FeelTypes
{
    public static readonly string[] Names =
    [
        "number", "string", "boolean", "date", "time", "date and time", "days and time duration",
        "years and months duration", "list", "context", "range", "Any", "Null",
    ];

    /// <summary>Longest first, so `date and time` wins over `date`.</summary>
    public static readonly (string Name, string[] Words)[] NamesLongestFirst =
        [.. Names.Select(n => (n, n.Split(' '))).OrderByDescending(t => t.Item2.Length)];

    public static bool IsInstanceOf(object? value, string typeName) => typeName switch
    {
        "Any" => value is not null,
        "Null" => value is null,
        "number" => value is decimal,
        "string" => value is string,
        "boolean" => value is bool,
        "date" => value is DateOnly,
        "time" => value is TimeOnly,
        "date and time" => value is DateTimeOffset or DateTime,
        "days and time duration" => value is TimeSpan,
        "years and months duration" => value is FeelYearsMonthsDuration,
        "list" => value is IReadOnlyList<object?>,
        "context" => value is IReadOnlyDictionary<string, object?>,
        "range" => value is FeelRange,
        _ => false,
    };
}
