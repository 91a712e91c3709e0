using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Portal;
using Wbpm.Infrastructure.Runtime.Handlers;

namespace Wbpm.Infrastructure.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The engine on the database: command execution, effect rows, job handlers and the runtime services.</summary>
    public static IServiceCollection AddWbpmRuntime(this IServiceCollection services)
    {
        services.AddSingleton<ICronSchedule, QuartzCronSchedule>();
        services.AddSingleton<ITimerSchedule>(sp => new Iso8601TimerSchedule(sp.GetRequiredService<ICronSchedule>()));
        services.AddSingleton<ExecutableDefinitions>();
        services.AddSingleton<EffectWriter>();
        services.AddSingleton<InstanceCommands>();
        services.AddSingleton<MessageCorrelation>();
        services.AddSingleton<SignalBroadcasting>();
        services.AddSingleton<StartEventActivation>();

        foreach (var kind in new[] { JobKinds.AsyncBefore, JobKinds.AsyncAfter, JobKinds.Timer })
            services.AddSingleton<IJobHandler>(sp => new EngineJobHandler(kind, sp.GetRequiredService<InstanceCommands>()));
        services.AddSingleton<Scripts.JavaScriptSandbox>();
        services.AddSingleton<IJobHandler, ScriptJobHandler>();
        services.AddSingleton<IJobHandler, PublishMessageHandler>();
        services.AddSingleton<IJobHandler, BroadcastSignalHandler>();
        services.AddSingleton<IJobHandler, StartChildHandler>();
        services.AddSingleton<IJobHandler, CancelChildHandler>();
        services.AddSingleton<IJobHandler, NotifyParentHandler>();
        services.AddSingleton<IJobHandler, TimerStartHandler>();

        services.AddScoped<ProcessInstanceService>();
        services.AddScoped<TaskService>();
        services.AddScoped<EventService>();
        services.AddScoped<ExternalTaskService>();
        services.AddScoped<Forms.UserDirectory>();
        services.AddScoped<TaskPageQuery>();
        services.AddScoped<Comments.TaskCommentService>();
        services.AddWbpmInbox();
        services.AddWbpmPortal();
        return services;
    }
}
