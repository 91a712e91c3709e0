using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Infrastructure.Observability;
using Wbpm.Web.Observability;

namespace Wbpm.Tests.Infrastructure.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MetricsEndpointServesPrometheusTextIncludingHttpServerMetrics()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddWbpmObservability(builder.Configuration);
        await using var app = builder.Build();
        app.MapGet("/hello", () => "hi");
        app.MapWbpmObservability();
        await app.StartAsync(ct);
        using var client = app.GetTestClient();

        await client.GetStringAsync("/hello", ct);
        // The hosting layer records the request duration after the response is sent: wait for it.
        string body = "";
        for (var attempt = 0; attempt < 50 && !body.Contains("http_route=\"/hello\"", StringComparison.Ordinal); attempt++)
        {
            using var response = await client.GetAsync("/metrics", ct);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            body = await response.Content.ReadAsStringAsync(ct);
            await Task.Delay(20, ct);
        }

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", body);
        Assert.Contains("http_route=\"/hello\"", body);
        Assert.Contains("le=\"+Inf\"", body);
        Assert.Contains("# TYPE http_server_active_requests gauge\n", body);
        Assert.DoesNotContain("http_route=\"/metrics\"", body); // scrapes do not pollute request metrics
    }

    [Fact]
    public async Task MetricsEndpointNeedsNoAuthentication()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy); // everything else needs a user
        builder.Services.AddWbpmObservability(builder.Configuration);
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapWbpmObservability();
        await app.StartAsync(ct);
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/metrics", ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
