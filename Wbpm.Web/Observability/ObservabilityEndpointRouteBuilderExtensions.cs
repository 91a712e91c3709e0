using Microsoft.AspNetCore.Authorization;
using Wbpm.Infrastructure.Observability;

namespace Wbpm.Web.Observability;

public static class ObservabilityEndpointRouteBuilderExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// GET /metrics in the Prometheus text format. Anonymous because scrapers carry no user cookie; restrict it
    /// at the network edge (reverse proxy, network policy) if the numbers must stay private.
    /// Requires <see cref="ObservabilityServiceCollectionExtensions.AddWbpmObservability"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapWbpmObservability(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGet(MetricsPath, WriteMetrics)
            .AllowAnonymous()
            .DisableHttpMetrics() // scrapes every few seconds would otherwise dominate the request-duration histogram
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task WriteMetrics(HttpContext context, PrometheusMetricsCollector collector)
    {
        var text = collector.CollectAsText();
        context.Response.ContentType = PrometheusTextWriter.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
