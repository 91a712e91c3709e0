using System.Text;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// Turns OpenTelemetry-style instrument names and UCUM units into Prometheus metric and label names, following
/// the OpenTelemetry-to-Prometheus compatibility rules: invalid characters become underscores, the unit is
/// spelled out as a suffix, and counters end in <c>_total</c>.
/// </summary>
public static class PrometheusNaming
{
    private static readonly Dictionary<string, string> UnitWords = new(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes",
        ["bit"] = "bits",
        ["Hz"] = "hertz",
        ["%"] = "percent",
    };

    public static string MetricName(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        // The unit goes before _total, so a counter already named "..._total" has that suffix moved to the end.
        if (kind == MetricKind.Counter && name.EndsWith("_total", StringComparison.Ordinal) && name.Length > "_total".Length)
            name = name[..^"_total".Length];
        var unitSuffix = UnitSuffix(unit, kind);
        if (unitSuffix is not null && !name.EndsWith("_" + unitSuffix, StringComparison.Ordinal))
            name += "_" + unitSuffix;
        return kind == MetricKind.Counter ? name + "_total" : name;
    }

    public static string LabelName(string tagKey) => Sanitize(tagKey, allowColon: false);

    /// <summary>The unit as words ("s" gives "seconds"); null when the unit says nothing a name should carry.</summary>
    internal static string? UnitSuffix(string? unit, MetricKind kind)
    {
        if (string.IsNullOrWhiteSpace(unit))
            return null;
        // Curly-brace annotations ("{request}") only name what is counted; they are not units.
        var withoutAnnotations = RemoveAnnotations(unit).Trim();
        if (withoutAnnotations.Length == 0)
            return null;
        // "1" is the dimensionless unit: a ratio for gauges, meaningless on a count.
        if (withoutAnnotations == "1")
            return kind == MetricKind.Gauge ? "ratio" : null;
        var slash = withoutAnnotations.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < withoutAnnotations.Length - 1)
            return Word(withoutAnnotations[..slash]) + "_per_" + Singular(Word(withoutAnnotations[(slash + 1)..]));
        return Word(withoutAnnotations);
    }

    private static string Word(string unit) =>
        UnitWords.TryGetValue(unit, out var word) ? word : Sanitize(unit, allowColon: false).Trim('_');

    private static string Singular(string word) => word.EndsWith('s') && word.Length > 1 ? word[..^1] : word;

    private static string RemoveAnnotations(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
                depth++;
            else if (c == '}' && depth > 0)
                depth--;
            else if (depth == 0)
                builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Replaces characters outside [a-zA-Z0-9_] (and ':' for metric names) and collapses repeated underscores.</summary>
    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
                continue;
            builder.Append(next);
        }
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }
}
