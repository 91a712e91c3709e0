using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Wbpm.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The job executor (a hosted service, settings from <c>Wbpm:Jobs</c>), its wake-up and heartbeat, and the
    /// operations service, and the <see cref="Persistence.GroupCommit"/> its claims and saves go through on SQLite. Handlers are registered by their modules: <c>services.AddSingleton&lt;IJobHandler, X&gt;()</c>.
    /// Needs <see cref="Persistence.WbpmDbContextFactory"/>, a <see cref="TimeProvider"/> and <c>WbpmMetrics</c>.
    /// </summary>
    public static IServiceCollection AddWbpmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobExecutorOptions>().Bind(configuration.GetSection(JobExecutorOptions.SectionName));
        services.TryAddSingleton<Persistence.GroupCommit>();
        services.TryAddSingleton<JobWakeUp>();
        services.TryAddSingleton<IJobWakeUp>(sp => sp.GetRequiredService<JobWakeUp>());
        services.TryAddSingleton<LocalJobHandOff>();
        services.TryAddSingleton<JobExecutorHeartbeat>();
        services.TryAddSingleton<JobAcquisition>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<JobExecutor>();
        services.AddHostedService(sp => sp.GetRequiredService<JobExecutor>());
        services.AddScoped<JobOperations>();
        return services;
    }
}
