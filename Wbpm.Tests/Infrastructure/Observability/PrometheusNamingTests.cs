using Wbpm.Infrastructure.Observability;

namespace Wbpm.Tests.Infrastructure.Observability;

public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", MetricKind.Histogram, "http_server_request_duration_seconds")]
    [InlineData("http.server.active_requests", "{request}", MetricKind.Gauge, "http_server_active_requests")]
    [InlineData("kestrel.connection-count", null, MetricKind.Gauge, "kestrel_connection_count")]
    [InlineData("wbpm.auth.lockouts", "{lockout}", MetricKind.Counter, "wbpm_auth_lockouts_total")]
    [InlineData("requests_total", null, MetricKind.Counter, "requests_total")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", MetricKind.Counter, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("cpu.utilization", "1", MetricKind.Gauge, "cpu_utilization_ratio")]
    [InlineData("net.throughput", "By/s", MetricKind.Gauge, "net_throughput_bytes_per_second")]
    [InlineData("2fa.checks", null, MetricKind.Gauge, "_2fa_checks")]
    [InlineData("a..b", null, MetricKind.Gauge, "a_b")]
    public void MetricNameIsSanitisedAndCarriesUnitAndTypeSuffixes(string instrument, string? unit, MetricKind kind, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(instrument, unit, kind));

    [Theory]
    [InlineData("http.request.method", "http_request_method")]
    [InlineData("error:type", "error_type")]
    public void LabelNamesAllowOnlyLettersDigitsAndUnderscores(string tag, string expected) =>
        Assert.Equal(expected, PrometheusNaming.LabelName(tag));
}
