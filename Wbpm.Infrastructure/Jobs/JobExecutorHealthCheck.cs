using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// "jobs" on /health/ready: healthy while the executor's loop keeps beating. Its loop never waits longer than
/// MaxPollInterval, so a beat older than a few of those means it is stuck or dead.
/// </summary>
public sealed class JobExecutorHealthCheck(JobExecutorHeartbeat heartbeat, IOptions<JobExecutorOptions> options, TimeProvider time)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (heartbeat.Disabled || !options.Value.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy("The job executor is disabled on this node."));
        if (heartbeat.LastBeat is not { } last)
            return Task.FromResult(HealthCheckResult.Degraded("The job executor has not started yet."));
        var age = time.GetUtcNow() - last;
        var limit = options.Value.MaxPollInterval * 4 + TimeSpan.FromSeconds(30);
        return Task.FromResult(age <= limit
            ? HealthCheckResult.Healthy($"The job executor's last heartbeat was {age.TotalSeconds:0.#} s ago.")
            : HealthCheckResult.Unhealthy($"The job executor's last heartbeat was {age.TotalSeconds:0} s ago (limit {limit.TotalSeconds:0} s)."));
    }
}
