namespace Wbpm.Web.Api;

/// <summary>The REST API under /api/v1: cookie-authenticated for now; each group maps one feature's endpoints.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapWbpmApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization().WithTags("Wbpm");
        api.MapMeEndpoints();
        api.MapAdminEndpoints();
        api.MapJobEndpoints();
        return endpoints;
    }
}
