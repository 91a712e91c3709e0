using System.Globalization;
using System.Text;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// Formats metric snapshots as the Prometheus text exposition format 0.0.4. Pure formatting: no state, no I/O
/// beyond the given writer. Output is sorted (families by name, series by labels) so scrapes are diffable.
/// </summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(TextWriter writer, IEnumerable<MetricSnapshot> metrics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metrics);

        // Two instruments can map to one name (same instrument name in two meters, "a.b" and "a_b"). The format
        // allows a family only once, so they are merged; one of a different type would make the scrape invalid.
        var families = metrics
            .GroupBy(m => PrometheusNaming.MetricName(m.InstrumentName, m.Unit, m.Kind), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var first = family.First();
            var members = family.Where(m => m.Kind == first.Kind).ToList();
            WriteFamily(writer, family.Key, first, members.SelectMany(m => m.Points));
        }
    }

    private static void WriteFamily(TextWriter writer, string name, MetricSnapshot first, IEnumerable<MetricPoint> points)
    {
        var help = string.IsNullOrWhiteSpace(first.Description) ? first.InstrumentName : first.Description;
        writer.Write($"# HELP {name} {EscapeHelp(help)}\n");
        writer.Write($"# TYPE {name} {TypeName(first.Kind)}\n");

        var series = points
            .Select(p => (Point: p, Labels: Labels(p.Tags)))
            .DistinctBy(s => s.Labels, StringComparer.Ordinal) // a repeated series would make the whole scrape invalid
            .OrderBy(s => s.Labels, StringComparer.Ordinal);
        foreach (var (point, labels) in series)
        {
            switch (point)
            {
                case ScalarPoint scalar:
                    WriteSample(writer, name, labels, null, scalar.Value);
                    break;
                case HistogramPoint histogram:
                    WriteHistogram(writer, name, labels, histogram);
                    break;
            }
        }
    }

    /// <summary>The format wants cumulative buckets ("how many were at most le"), ending with +Inf equal to _count.</summary>
    private static void WriteHistogram(TextWriter writer, string name, string labels, HistogramPoint histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            cumulative += histogram.BucketCounts[i];
            WriteSample(writer, name + "_bucket", labels, FormatValue(histogram.Bounds[i]), cumulative);
        }
        WriteSample(writer, name + "_bucket", labels, "+Inf", histogram.Count);
        WriteSample(writer, name + "_sum", labels, null, histogram.Sum);
        WriteSample(writer, name + "_count", labels, null, histogram.Count);
    }

    private static void WriteSample(TextWriter writer, string name, string labels, string? le, double value)
    {
        writer.Write(name);
        if (labels.Length > 0 || le is not null)
        {
            writer.Write('{');
            writer.Write(labels);
            if (le is not null)
                writer.Write($"{(labels.Length > 0 ? "," : "")}le=\"{le}\"");
            writer.Write('}');
        }
        writer.Write(' ');
        writer.Write(FormatValue(value));
        writer.Write('\n'); // the format requires \n, whatever Environment.NewLine is
    }

    private static string Labels(TagSet tags)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in tags)
        {
            if (builder.Length > 0)
                builder.Append(',');
            builder.Append(PrometheusNaming.LabelName(key)).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
        }
        return builder.ToString();
    }

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        MetricKind.Histogram => "histogram",
        _ => "untyped",
    };

    internal static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture), // shortest round-trippable form
    };

    internal static string EscapeLabelValue(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
}
