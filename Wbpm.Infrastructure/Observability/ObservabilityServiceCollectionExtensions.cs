using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Wbpm.Infrastructure.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Prometheus collector (started with the host), <see cref="WbpmMetrics"/> and
    /// <see cref="ObservabilityOptions"/> bound from <c>Wbpm:Observability</c>.
    /// </summary>
    public static IServiceCollection AddWbpmObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ObservabilityOptions>()
            .Bind(configuration.GetSection(ObservabilityOptions.SectionName))
            .Validate(o => o.MaxTagSetsPerInstrument > 0, "Wbpm:Observability:MaxTagSetsPerInstrument must be positive.")
            .ValidateOnStart();

        services.AddMetrics(); // IMeterFactory; a no-op when the host already added it
        services.TryAddSingleton(sp => new PrometheusMetricsCollector(
            sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value,
            sp.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton<WbpmMetrics>();
        services.AddHostedService<MetricsCollectorActivator>();
        return services;
    }
}
