using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Infrastructure.Observability;
using static Wbpm.Tests.Infrastructure.Observability.CollectorTestMeter;

namespace Wbpm.Tests.Infrastructure.Observability;

public sealed class PrometheusMetricsCollectorTests
{
    [Fact]
    public void CounterSumsMeasurementsPerTagSet()
    {
        using var test = new CollectorTestMeter();
        var counter = test.Meter.CreateCounter<long>("jobs.completed");

        counter.Add(2, new KeyValuePair<string, object?>("tenant", "a"));
        counter.Add(3, new KeyValuePair<string, object?>("tenant", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("tenant", "b"));

        var snapshot = test.Single("jobs.completed");
        Assert.Equal(MetricKind.Counter, snapshot.Kind);
        Assert.Equal(5, ValueOf(snapshot, ("tenant", "a")));
        Assert.Equal(1, ValueOf(snapshot, ("tenant", "b")));
    }

    [Fact]
    public void TagOrderDoesNotSplitASeries()
    {
        using var test = new CollectorTestMeter();
        var counter = test.Meter.CreateCounter<int>("hits");

        counter.Add(1, new("a", 1), new("b", true));
        counter.Add(1, new("b", true), new("a", 1));

        Assert.Equal(2, ValueOf(test.Single("hits"), ("a", "1"), ("b", "true")));
    }

    [Fact]
    public void UpDownCounterBecomesAGaugeOfTheRunningSum()
    {
        using var test = new CollectorTestMeter();
        var active = test.Meter.CreateUpDownCounter<long>("requests.active");

        active.Add(5);
        active.Add(-2);

        var snapshot = test.Single("requests.active");
        Assert.Equal(MetricKind.Gauge, snapshot.Kind);
        Assert.Equal(3, ValueOf(snapshot));
    }

    [Fact]
    public void HistogramCountsMeasurementsIntoInclusiveBuckets()
    {
        using var test = new CollectorTestMeter();
        var duration = test.Meter.CreateHistogram<double>("job.duration", unit: "s");

        foreach (var value in new[] { 0.001, 0.005, 0.3, 42.0 })
            duration.Record(value, new KeyValuePair<string, object?>("type", "script"));

        var point = Assert.IsType<HistogramPoint>(Assert.Single(test.Single("job.duration").Points));
        Assert.Equal(HistogramBucketsSeconds, point.Bounds);
        Assert.Equal(2, point.BucketCounts[0]); // 0.001 and 0.005: "le" is inclusive
        Assert.Equal(1, point.BucketCounts[point.Bounds.ToList().IndexOf(0.5)]);
        Assert.Equal(1, point.BucketCounts[^1]); // 42 s is above every bound
        Assert.Equal(4, point.Count);
        Assert.Equal(42.306, point.Sum, precision: 9);
        Assert.Equal(Tags(("type", "script")), point.Tags);
    }

    [Fact]
    public void HistogramUsesTheInstrumentsAdvisedBuckets()
    {
        using var test = new CollectorTestMeter();
        var size = test.Meter.CreateHistogram<long>("payload.size", "By", null, null,
            new InstrumentAdvice<long> { HistogramBucketBoundaries = [100, 1000] });

        size.Record(500);

        var point = Assert.IsType<HistogramPoint>(Assert.Single(test.Single("payload.size").Points));
        Assert.Equal([100.0, 1000.0], point.Bounds);
        Assert.Equal([0L, 1L, 0L], point.BucketCounts);
    }

    [Fact]
    public void ObservableGaugeIsReadAtCollectionAndForgetsSeriesNoLongerReported()
    {
        using var test = new CollectorTestMeter();
        var depths = new Dictionary<string, int> { ["a"] = 5, ["b"] = 7 };
        test.Meter.CreateObservableGauge("queue.depth",
            () => depths.Select(d => new Measurement<int>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))));

        var first = test.Single("queue.depth");
        Assert.Equal(MetricKind.Gauge, first.Kind);
        Assert.Equal(5, ValueOf(first, ("queue", "a")));
        Assert.Equal(7, ValueOf(first, ("queue", "b")));

        depths.Remove("b");
        depths["a"] = 1;
        var second = test.Single("queue.depth");
        Assert.Equal(1, ValueOf(second, ("queue", "a")));
        Assert.DoesNotContain(second.Points, p => p.Tags.Equals(Tags(("queue", "b"))));
    }

    [Fact]
    public void ObservableCounterReportsTheCallbacksTotalNotASumOfScrapes()
    {
        using var test = new CollectorTestMeter();
        long total = 10;
        test.Meter.CreateObservableCounter("bytes.sent", () => total);

        test.Collector.Collect();
        total = 15;

        var snapshot = test.Single("bytes.sent");
        Assert.Equal(MetricKind.Counter, snapshot.Kind);
        Assert.Equal(15, ValueOf(snapshot));
    }

    [Fact]
    public void TagSetsBeyondTheCapAreFoldedIntoOneOverflowSeries()
    {
        using var test = new CollectorTestMeter(maxTagSets: 3);
        var counter = test.Meter.CreateCounter<long>("logins");

        for (var user = 0; user < 10; user++)
            counter.Add(1, new KeyValuePair<string, object?>("user", $"u{user}"));
        counter.Add(1, new KeyValuePair<string, object?>("user", "u0")); // a known series keeps counting

        var snapshot = test.Single("logins");
        Assert.Equal(4, snapshot.Points.Count);
        Assert.Equal(2, ValueOf(snapshot, ("user", "u0")));
        Assert.Equal(7, ValueOf(snapshot, ("otel.metric.overflow", "true")));
        Assert.Equal(11, snapshot.Points.Cast<ScalarPoint>().Sum(p => p.Value));
        Assert.Contains("logins_total{otel_metric_overflow=\"true\"} 7\n", test.Collector.CollectAsText());
    }

    [Fact]
    public void ParallelRecordingsAreAllCounted()
    {
        using var test = new CollectorTestMeter();
        var counter = test.Meter.CreateCounter<double>("work.done");
        var histogram = test.Meter.CreateHistogram<double>("work.duration", unit: "s");
        const int Threads = 8;
        const int PerThread = 20_000;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            var tag = new KeyValuePair<string, object?>("shard", thread % 2);
            for (var i = 0; i < PerThread; i++)
            {
                counter.Add(0.5, tag);
                histogram.Record(0.01, tag);
            }
        });

        var counted = test.Single("work.done").Points.Cast<ScalarPoint>().Sum(p => p.Value);
        Assert.Equal(Threads * PerThread * 0.5, counted);
        var histograms = test.Single("work.duration").Points.Cast<HistogramPoint>().ToList();
        Assert.Equal(2, histograms.Count);
        Assert.All(histograms, h => Assert.Equal(Threads / 2 * PerThread, h.Count));
        Assert.All(histograms, h => Assert.Equal(h.Count, h.BucketCounts.Sum()));
    }

    [Fact]
    public void MetersNotInTheListAreIgnored()
    {
        using var test = new CollectorTestMeter();
        using var other = new Meter("Other." + test.Meter.Name);
        using var sameStart = new Meter(test.Meter.Name + "Extra");
        using var child = new Meter(test.Meter.Name + ".Engine");
        other.CreateCounter<int>("other.count").Add(1);
        sameStart.CreateCounter<int>("extra.count").Add(1);
        child.CreateCounter<int>("child.count").Add(1);

        var names = test.Collector.Collect().Select(s => s.InstrumentName).ToList();

        Assert.Equal(["child.count"], names); // a prefix matches whole dot-separated segments only
    }

    [Fact]
    public void MetersOfAnotherHostsMeterFactoryAreIgnored()
    {
        using var ours = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterName = "Wbpm.Tests." + Guid.NewGuid().ToString("N");
        using var collector = new PrometheusMetricsCollector(
            new ObservabilityOptions { MeterPrefixes = [meterName] }, ours.GetRequiredService<IMeterFactory>());

        ours.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<int>("mine").Add(1);
        theirs.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<int>("theirs").Add(1);

        Assert.Equal(["mine"], collector.Collect().Select(s => s.InstrumentName));
    }

    [Fact]
    public void InstrumentsOfADisposedMeterDisappear()
    {
        using var test = new CollectorTestMeter();
        var shortLived = new Meter(test.Meter.Name + ".Temp");
        shortLived.CreateCounter<int>("temp.count").Add(1);
        Assert.Single(test.Collector.Collect());

        shortLived.Dispose();

        Assert.Empty(test.Collector.Collect());
    }

    [Fact]
    public void MeasurementsAfterDisposeAreNotRecorded()
    {
        using var test = new CollectorTestMeter();
        var counter = test.Meter.CreateCounter<int>("after.dispose");
        counter.Add(1);

        test.Collector.Dispose();
        counter.Add(1);

        Assert.Empty(test.Collector.Collect());
    }

    private static readonly double[] HistogramBucketsSeconds =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
}
