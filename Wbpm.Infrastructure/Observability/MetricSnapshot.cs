namespace Wbpm.Infrastructure.Observability;

/// <summary>How an instrument is exposed to Prometheus.</summary>
public enum MetricKind
{
    /// <summary>Monotonic sum; exposed with a <c>_total</c> suffix.</summary>
    Counter,

    /// <summary>A value that goes up and down (up-down counters, gauges).</summary>
    Gauge,

    /// <summary>Bucketed distribution with sum and count.</summary>
    Histogram,
}

/// <summary>The state of one instrument at scrape time: what <see cref="PrometheusTextWriter"/> formats.</summary>
public sealed record MetricSnapshot(
    string MeterName,
    string InstrumentName,
    string? Unit,
    string? Description,
    MetricKind Kind,
    IReadOnlyList<MetricPoint> Points);

/// <summary>One time series of a metric, identified by its tags.</summary>
public abstract record MetricPoint(TagSet Tags);

/// <summary>A counter or gauge value.</summary>
public sealed record ScalarPoint(TagSet Tags, double Value) : MetricPoint(Tags);

/// <summary>
/// A histogram series. <see cref="BucketCounts"/> has one entry per bound plus a last one for values above all
/// bounds; counts are per bucket (not cumulative): the writer accumulates them as the text format requires.
/// </summary>
public sealed record HistogramPoint(
    TagSet Tags,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<long> BucketCounts,
    double Sum,
    long Count) : MetricPoint(Tags);
