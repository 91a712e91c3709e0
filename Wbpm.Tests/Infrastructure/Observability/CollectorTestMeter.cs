using System.Diagnostics.Metrics;
using Wbpm.Infrastructure.Observability;

namespace Wbpm.Tests.Infrastructure.Observability;

/// <summary>
/// A meter with a name no other test uses, and a collector listening to that name only: MeterListener is
/// process-wide and tests run in parallel, so each test must not see (or be seen by) the others.
/// </summary>
internal sealed class CollectorTestMeter : IDisposable
{
    public CollectorTestMeter(int maxTagSets = 1_000)
    {
        Meter = new Meter("Wbpm.Tests." + Guid.NewGuid().ToString("N"));
        Collector = new PrometheusMetricsCollector(new ObservabilityOptions
        {
            MeterPrefixes = [Meter.Name],
            MaxTagSetsPerInstrument = maxTagSets,
        });
    }

    public Meter Meter { get; }

    public PrometheusMetricsCollector Collector { get; }

    public MetricSnapshot Single(string instrumentName) =>
        Assert.Single(Collector.Collect(), s => s.InstrumentName == instrumentName);

    public static double ValueOf(MetricSnapshot snapshot, params (string Key, string Value)[] tags) =>
        Assert.IsType<ScalarPoint>(Assert.Single(snapshot.Points, p => p.Tags.Equals(Tags(tags)))).Value;

    public static TagSet Tags(params (string Key, string Value)[] tags) =>
        TagSet.From(tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));

    public void Dispose()
    {
        Collector.Dispose();
        Meter.Dispose();
    }
}
