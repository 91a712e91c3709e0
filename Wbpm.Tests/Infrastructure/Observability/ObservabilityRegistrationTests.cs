using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Observability;

namespace Wbpm.Tests.Infrastructure.Observability;

public sealed class ObservabilityRegistrationTests
{
    [Fact]
    public void OptionsAreBoundFromWbpmObservabilityAndReplaceTheDefaultMeters()
    {
        using var provider = Build(new()
        {
            ["Wbpm:Observability:MeterPrefixes:0"] = "Custom",
            ["Wbpm:Observability:MaxTagSetsPerInstrument"] = "50",
            ["Wbpm:Observability:JsonConsoleLogs"] = "true",
        });

        var options = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;

        Assert.Equal(["Custom"], options.MeterPrefixes ?? []);
        Assert.Equal(50, options.MaxTagSetsPerInstrument);
        Assert.True(options.JsonConsoleLogs);
    }

    [Fact]
    public void WbpmMetricsSignInFailuresAndLockoutsAppearInTheScrape()
    {
        using var provider = Build(new());
        var collector = provider.GetRequiredService<PrometheusMetricsCollector>();
        var metrics = provider.GetRequiredService<WbpmMetrics>();

        metrics.RecordSignInFailure();
        metrics.RecordSignInFailure();
        metrics.RecordLockout();

        var text = collector.CollectAsText();
        Assert.Contains("# TYPE wbpm_auth_sign_in_failures_total counter\nwbpm_auth_sign_in_failures_total 2\n", text);
        Assert.Contains("wbpm_auth_lockouts_total 1\n", text);
    }

    [Fact]
    public async Task CollectorIsStartedWithTheHostSoEarlyMeasurementsAreKept()
    {
        using var provider = Build(new());
        var activator = Assert.Single(provider.GetServices<IHostedService>());

        // Starting the host creates the collector; only then is the sign-in failure recorded.
        await activator.StartAsync(TestContext.Current.CancellationToken);
        provider.GetRequiredService<WbpmMetrics>().RecordSignInFailure();

        Assert.Contains("wbpm_auth_sign_in_failures_total 1\n",
            provider.GetRequiredService<PrometheusMetricsCollector>().CollectAsText());
    }

    [Fact]
    public void NonPositiveTagSetCapIsRejected()
    {
        using var provider = Build(new() { ["Wbpm:Observability:MaxTagSetsPerInstrument"] = "0" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PrometheusMetricsCollector>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWbpmObservability(configuration).BuildServiceProvider();
    }
}
