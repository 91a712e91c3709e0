using Microsoft.Extensions.DependencyInjection;

namespace Wbpm.Infrastructure.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>The task inbox: variable projection (used by the runtime's commands), list queries, saved filters, bulk actions.</summary>
    public static IServiceCollection AddWbpmInbox(this IServiceCollection services)
    {
        services.AddSingleton<InstanceVariableProjection>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<SavedFilters>();
        services.AddScoped<BulkTaskActions>();
        return services;
    }
}
