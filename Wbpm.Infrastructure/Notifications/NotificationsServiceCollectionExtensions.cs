using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Wbpm.Infrastructure.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>In-app notifications: the capture interceptor and feed, the overdue sweep, the service.</summary>
    public static IServiceCollection AddWbpmNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<NotificationCapture>();
        services.AddSingleton<OverdueTaskSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueTaskSweep>());
        services.AddScoped<UserNotifications>();
        return services;
    }
}
