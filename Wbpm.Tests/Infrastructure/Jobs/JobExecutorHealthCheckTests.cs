using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Jobs;

public sealed class JobExecutorHealthCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IsHealthyWhileTheExecutorBeatsAndUnhealthyWhenItsHeartbeatIsStale()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new ManualTimeProvider(T0);
        await using var host = await ExecutorHost.StartAsync(database, clock, null);
        var check = host.HealthCheck;

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        await host.StopAsync(); // a dead loop: no more beats
        clock.Advance(TimeSpan.FromMinutes(5));
        var stale = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.Contains("last heartbeat", stale.Description);
    }

    [Fact]
    public async Task ADisabledExecutorIsReportedHealthy()
    {
        var check = new JobExecutorHealthCheck(new JobExecutorHeartbeat(), Options.Create(new JobExecutorOptions { Enabled = false }), TimeProvider.System);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("disabled", result.Description);
    }
}
