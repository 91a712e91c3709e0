using Wbpm.Web.Features.Designer;
using Wbpm.Web.Security;

namespace Wbpm.Web.Api;

/// <summary>
/// The REST API under /api/v1, authenticated by the session cookie or an X-Api-Key header (see WbpmAuthentication);
/// each group maps one feature's endpoints.
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapWbpmApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization().WithTags("Wbpm")
            .AddEndpointFilter<CookieRequestsNeedAntiforgery>();
        api.MapMeEndpoints();
        api.MapAdminEndpoints();
        api.MapApiKeyEndpoints();
        api.MapDeploymentEndpoints();
        api.MapProcessDefinitionEndpoints();
        api.MapDesignerEndpoints();
        api.MapJobEndpoints();
        api.MapProcessInstanceEndpoints();
        api.MapTaskEndpoints();
        api.MapInboxEndpoints();
        api.MapEventEndpoints();
        api.MapExternalTaskEndpoints();
        api.MapPortalEndpoints();
        api.MapNotificationEndpoints();
        return endpoints;
    }
}
