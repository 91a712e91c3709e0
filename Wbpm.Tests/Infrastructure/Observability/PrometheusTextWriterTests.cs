using Wbpm.Infrastructure.Observability;

namespace Wbpm.Tests.Infrastructure.Observability;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void CounterIsWrittenWithHelpTypeAndTotalSuffix()
    {
        var text = Format(new MetricSnapshot("Wbpm", "wbpm.auth.sign_in.failures", "{failure}", "Failed sign-in attempts.",
            MetricKind.Counter, [new ScalarPoint(TagSet.Empty, 3)]));

        Assert.Equal(
            "# HELP wbpm_auth_sign_in_failures_total Failed sign-in attempts.\n" +
            "# TYPE wbpm_auth_sign_in_failures_total counter\n" +
            "wbpm_auth_sign_in_failures_total 3\n",
            text);
    }

    [Fact]
    public void GaugeWithSecondsUnitGetsUnitSuffixAndLabels()
    {
        var text = Format(new MetricSnapshot("M", "queue.wait-time", "s", "Wait.", MetricKind.Gauge,
            [new ScalarPoint(Tags(("queue.name", "jobs")), 0.25)]));

        Assert.Contains("# TYPE queue_wait_time_seconds gauge\n", text);
        Assert.Contains("queue_wait_time_seconds{queue_name=\"jobs\"} 0.25\n", text);
    }

    [Fact]
    public void UnitSuffixIsNotRepeatedWhenTheNameAlreadyEndsWithIt()
    {
        var text = Format(new MetricSnapshot("M", "job.duration_seconds", "s", null, MetricKind.Gauge,
            [new ScalarPoint(TagSet.Empty, 1)]));

        Assert.Contains("job_duration_seconds 1\n", text);
        Assert.DoesNotContain("seconds_seconds", text);
    }

    [Fact]
    public void MissingDescriptionFallsBackToInstrumentNameInHelp()
    {
        var text = Format(new MetricSnapshot("M", "jobs.due", null, null, MetricKind.Gauge, [new ScalarPoint(TagSet.Empty, 1)]));

        Assert.StartsWith("# HELP jobs_due jobs.due\n", text);
    }

    [Fact]
    public void LabelValuesEscapeBackslashQuoteAndNewline()
    {
        var text = Format(new MetricSnapshot("M", "x", null, "Help with \\ and\nnewline", MetricKind.Gauge,
            [new ScalarPoint(Tags(("path", "C:\\a \"b\"\nc")), 1)]));

        Assert.Contains("x{path=\"C:\\\\a \\\"b\\\"\\nc\"} 1\n", text);
        Assert.Contains("# HELP x Help with \\\\ and\\nnewline\n", text);
    }

    [Fact]
    public void HistogramBucketsAreCumulativeAndInfBucketEqualsCount()
    {
        var text = Format(new MetricSnapshot("M", "http.server.request.duration", "s", "Duration.", MetricKind.Histogram,
            [new HistogramPoint(Tags(("route", "/a")), [0.1, 1], [2, 1, 1], 5.5, 4)]));

        Assert.Equal(
            "# HELP http_server_request_duration_seconds Duration.\n" +
            "# TYPE http_server_request_duration_seconds histogram\n" +
            "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"0.1\"} 2\n" +
            "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"1\"} 3\n" +
            "http_server_request_duration_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n" +
            "http_server_request_duration_seconds_sum{route=\"/a\"} 5.5\n" +
            "http_server_request_duration_seconds_count{route=\"/a\"} 4\n",
            text);
    }

    [Fact]
    public void FamiliesAndSeriesAreSortedWhateverTheInputOrder()
    {
        var text = Format(
            new MetricSnapshot("M", "zeta", null, null, MetricKind.Gauge,
                [new ScalarPoint(Tags(("k", "b")), 2), new ScalarPoint(Tags(("k", "a")), 1)]),
            new MetricSnapshot("M", "alpha", null, null, MetricKind.Gauge, [new ScalarPoint(TagSet.Empty, 0)]));

        Assert.True(text.IndexOf("alpha", StringComparison.Ordinal) < text.IndexOf("zeta", StringComparison.Ordinal));
        Assert.True(text.IndexOf("k=\"a\"", StringComparison.Ordinal) < text.IndexOf("k=\"b\"", StringComparison.Ordinal));
    }

    [Fact]
    public void InstrumentsMappingToTheSameNameShareOneFamily()
    {
        var text = Format(
            new MetricSnapshot("A", "jobs", null, null, MetricKind.Counter, [new ScalarPoint(Tags(("m", "a")), 1)]),
            new MetricSnapshot("B", "jobs", null, null, MetricKind.Counter, [new ScalarPoint(Tags(("m", "b")), 2)]),
            new MetricSnapshot("C", "jobs_total", null, null, MetricKind.Gauge, [new ScalarPoint(Tags(("m", "c")), 3)]));

        Assert.Single(text.Split('\n'), l => l.StartsWith("# TYPE jobs_total", StringComparison.Ordinal));
        Assert.Contains("jobs_total{m=\"b\"} 2\n", text);
        Assert.DoesNotContain("m=\"c\"", text); // a different type under the same name would invalidate the scrape
    }

    [Fact]
    public void SpecialValuesUsePrometheusSpelling()
    {
        var text = Format(new MetricSnapshot("M", "g", null, null, MetricKind.Gauge,
            [new ScalarPoint(Tags(("v", "1")), double.PositiveInfinity), new ScalarPoint(Tags(("v", "2")), double.NaN)]));

        Assert.Contains("g{v=\"1\"} +Inf\n", text);
        Assert.Contains("g{v=\"2\"} NaN\n", text);
    }

    private static TagSet Tags(params (string Key, string Value)[] tags) =>
        TagSet.From(tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));

    private static string Format(params MetricSnapshot[] metrics)
    {
        using var writer = new StringWriter();
        PrometheusTextWriter.Write(writer, metrics);
        return writer.ToString();
    }
}
