using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>Maps an instrument type to its Prometheus kind and aggregation.</summary>
internal static class AggregatorFactory
{
    /// <returns>Null for instrument types this exporter does not know (new ones added by a later runtime).</returns>
    public static InstrumentAggregator? Create(Instrument instrument, int maxTagSets)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();

        if (definition == typeof(Counter<>))
            return new ScalarAggregator(instrument, MetricKind.Counter, sum: true, observable: false, maxTagSets);
        if (definition == typeof(UpDownCounter<>))
            return new ScalarAggregator(instrument, MetricKind.Gauge, sum: true, observable: false, maxTagSets);
        if (definition == typeof(Gauge<>))
            return new ScalarAggregator(instrument, MetricKind.Gauge, sum: false, observable: false, maxTagSets);
        if (definition == typeof(ObservableCounter<>))
            return new ScalarAggregator(instrument, MetricKind.Counter, sum: false, observable: true, maxTagSets);
        if (definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>))
            return new ScalarAggregator(instrument, MetricKind.Gauge, sum: false, observable: true, maxTagSets);
        if (definition == typeof(Histogram<>))
            return new HistogramAggregator(instrument, HistogramBuckets.For(instrument), maxTagSets);
        return null;
    }
}
