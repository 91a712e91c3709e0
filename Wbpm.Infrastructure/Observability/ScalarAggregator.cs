using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>Counters, up-down counters and gauges: one number per tag set, either summed or last-value.</summary>
internal sealed class ScalarAggregator : InstrumentAggregator
{
    private readonly SeriesTable<ScalarCell> _series;
    private readonly bool _sum;
    private readonly bool _monotonic;
    private readonly bool _observable;

    /// <param name="sum">True for synchronous counters, whose measurements are deltas; false when each measurement
    /// is the current value (gauges, and observable counters, whose callbacks report cumulative totals).</param>
    /// <param name="observable">Observable values are re-read at each scrape, so the previous scrape's are dropped.</param>
    public ScalarAggregator(Instrument instrument, MetricKind kind, bool sum, bool observable, int maxTagSets)
        : base(instrument, kind)
    {
        _series = new SeriesTable<ScalarCell>(maxTagSets, () => new ScalarCell());
        _sum = sum;
        _monotonic = kind == MetricKind.Counter;
        _observable = observable;
    }

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // A negative delta on a monotonic counter is a caller bug; Prometheus would read it as a counter reset.
        if (double.IsNaN(value) || (_sum && _monotonic && value < 0))
            return;
        var cell = _series.Get(tags);
        if (_sum)
            cell.Add(value);
        else
            cell.Set(value);
    }

    public override void BeginCollection()
    {
        if (_observable)
            _series.Clear();
    }

    protected override IReadOnlyList<MetricPoint> ReadPoints() =>
        _series.Entries.Select(e => (MetricPoint)new ScalarPoint(e.Key, e.Value.Read())).ToList();

    private sealed class ScalarCell
    {
        private double _value;

        public void Add(double delta)
        {
            // Interlocked has no double add: compare-and-swap until no other thread wrote in between.
            var current = Volatile.Read(ref _value);
            while (true)
            {
                var seen = Interlocked.CompareExchange(ref _value, current + delta, current);
                if (seen.Equals(current))
                    return;
                current = seen;
            }
        }

        public void Set(double value) => Interlocked.Exchange(ref _value, value);

        public double Read() => Volatile.Read(ref _value);
    }
}
