using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>Accumulates the measurements of one instrument, per tag set, until the next scrape reads them.</summary>
internal abstract class InstrumentAggregator(Instrument instrument, MetricKind kind)
{
    public Instrument Instrument { get; } = instrument;

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    /// <summary>Called before observable instruments are polled, so that series a callback stopped reporting vanish.</summary>
    public virtual void BeginCollection()
    {
    }

    public MetricSnapshot Snapshot() => new(
        Instrument.Meter.Name,
        Instrument.Name,
        Instrument.Unit,
        Instrument.Description,
        kind,
        ReadPoints());

    protected abstract IReadOnlyList<MetricPoint> ReadPoints();
}
