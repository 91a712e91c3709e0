using Microsoft.Extensions.DependencyInjection;

namespace Wbpm.Infrastructure.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The requester portal: who may start what, business keys, the catalogue and my requests.</summary>
    public static IServiceCollection AddWbpmPortal(this IServiceCollection services)
    {
        services.AddScoped<StarterAccess>();
        services.AddSingleton<BusinessKeys>();
        services.AddScoped<RequestCatalogue>();
        services.AddScoped<MyRequests>();
        return services;
    }
}
