using Microsoft.Extensions.Hosting;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// Creates the collector when the host starts. Without it the singleton would be built at the first scrape,
/// and everything counted before (sign-in failures, requests) would be missing: MeterListener does not replay.
/// </summary>
internal sealed class MetricsCollectorActivator(PrometheusMetricsCollector collector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
