using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>Histograms: per tag set, a count per bucket plus sum and count of all measurements.</summary>
internal sealed class HistogramAggregator : InstrumentAggregator
{
    private readonly double[] _bounds;
    private readonly SeriesTable<HistogramCell> _series;

    public HistogramAggregator(Instrument instrument, IReadOnlyList<double> bounds, int maxTagSets)
        : base(instrument, MetricKind.Histogram)
    {
        _bounds = [.. bounds];
        _series = new SeriesTable<HistogramCell>(maxTagSets, () => new HistogramCell(_bounds.Length + 1));
    }

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (double.IsNaN(value))
            return;
        _series.Get(tags).Record(BucketIndex(value), value);
    }

    protected override IReadOnlyList<MetricPoint> ReadPoints() =>
        _series.Entries.Select(e => e.Value.Read(e.Key, _bounds)).ToList();

    /// <summary>Prometheus bounds are inclusive ("le"): a value equal to a bound belongs to that bound's bucket.</summary>
    private int BucketIndex(double value)
    {
        var index = Array.BinarySearch(_bounds, value);
        return index >= 0 ? index : ~index;
    }

    private sealed class HistogramCell(int bucketCount)
    {
        private readonly Lock _gate = new();
        private readonly long[] _bucketCounts = new long[bucketCount];
        private double _sum;
        private long _count;

        // One lock per series rather than separate interlocked fields: a scrape must never see a count that
        // disagrees with the buckets (the +Inf bucket has to equal _count).
        public void Record(int bucket, double value)
        {
            lock (_gate)
            {
                _bucketCounts[bucket]++;
                _sum += value;
                _count++;
            }
        }

        public HistogramPoint Read(TagSet tags, double[] bounds)
        {
            lock (_gate)
                return new HistogramPoint(tags, bounds, [.. _bucketCounts], _sum, _count);
        }
    }
}
