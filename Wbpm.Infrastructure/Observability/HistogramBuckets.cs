using System.Diagnostics.Metrics;
using System.Numerics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>Chooses histogram bucket bounds: the instrument's advice if it gives any, else a default fitting its unit.</summary>
internal static class HistogramBuckets
{
    /// <summary>OpenTelemetry's recommended bounds for HTTP durations in seconds.</summary>
    public static IReadOnlyList<double> Seconds { get; } =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>OpenTelemetry's default explicit bounds, designed for milliseconds and other units.</summary>
    public static IReadOnlyList<double> Default { get; } =
        [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static IReadOnlyList<double> For(Instrument instrument) =>
        Advised(instrument) ?? (instrument.Unit == "s" ? Seconds : Default);

    private static IReadOnlyList<double>? Advised(Instrument instrument) => instrument switch
    {
        Instrument<double> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        Instrument<float> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        Instrument<long> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        Instrument<int> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        Instrument<short> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        Instrument<byte> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        Instrument<decimal> i => ToDoubles(i.Advice?.HistogramBucketBoundaries),
        _ => null,
    };

    // InstrumentAdvice already rejects unsorted or duplicate bounds, so they can be used as they are.
    private static double[]? ToDoubles<T>(IReadOnlyList<T>? bounds) where T : struct, INumber<T> =>
        bounds is { Count: > 0 } ? [.. bounds.Select(double.CreateChecked)] : null;
}
