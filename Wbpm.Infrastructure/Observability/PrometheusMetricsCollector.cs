using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// Listens to the selected meters and keeps their aggregated state for /metrics. A singleton: it must exist
/// before the first measurement is recorded, since a MeterListener only sees measurements made after it started
/// (<see cref="ObservabilityServiceCollectionExtensions.AddWbpmObservability"/> creates it at host start).
/// </summary>
public sealed class PrometheusMetricsCollector : IDisposable
{
    private readonly MeterFilter _filter;
    private readonly int _maxTagSets;
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregator> _aggregators = new();
    private readonly MeterListener _listener;
    private readonly Lock _collectGate = new();

    /// <param name="options">Which meters, and the per-instrument tag-set cap.</param>
    /// <param name="meterScope">When given, meters created by another <see cref="IMeterFactory"/> (another host in
    /// the same process) are ignored; meters created without a factory are always eligible.</param>
    public PrometheusMetricsCollector(ObservabilityOptions options, IMeterFactory? meterScope = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTagSetsPerInstrument);
        _filter = new MeterFilter(options.EffectiveMeterPrefixes, meterScope);
        _maxTagSets = options.MaxTagSetsPerInstrument;

        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            // The instrument or its meter was disposed: forget it, or a process creating meters would leak.
            MeasurementsCompleted = (instrument, state) => _aggregators.TryRemove(instrument, out var _),
        };
        // One callback per numeric type the Metrics API allows; state is the aggregator, so no lookup per measurement.
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Record(state, (double)value, tags));
        _listener.Start();
    }

    /// <summary>Polls observable instruments and returns every instrument's current state, in no particular order.</summary>
    public IReadOnlyList<MetricSnapshot> Collect()
    {
        // Serialised: observable aggregators are cleared and refilled, and two scrapes must not interleave that.
        lock (_collectGate)
        {
            var aggregators = _aggregators.Values.ToList();
            foreach (var aggregator in aggregators)
                aggregator.BeginCollection();
            _listener.RecordObservableInstruments();
            return aggregators.Select(a => a.Snapshot()).Where(s => s.Points.Count > 0).ToList();
        }
    }

    /// <summary>The Prometheus text exposition of <see cref="Collect"/>.</summary>
    public string CollectAsText()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        PrometheusTextWriter.Write(writer, Collect());
        return writer.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_filter.Accepts(instrument.Meter))
            return;
        var aggregator = AggregatorFactory.Create(instrument, _maxTagSets);
        if (aggregator is null || !_aggregators.TryAdd(instrument, aggregator))
            return;
        listener.EnableMeasurementEvents(instrument, aggregator);
    }

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        ((InstrumentAggregator)state!).Record(value, tags);
}
