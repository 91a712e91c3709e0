using Wbpm.Infrastructure.Administration;

namespace Wbpm.Web.Api;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (MyAccount account, CancellationToken ct) => account.GetAsync(ct))
            .WithName("GetMe").WithSummary("The signed-in user: tenant, roles, groups and permissions.");
        return api;
    }
}
