using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;

namespace Wbpm.Web.Api;

/// <summary>API keys of the tenant over HTTP (admin.system): the secret is in the create response only.</summary>
internal static class ApiKeyEndpoints
{
    public sealed record ApiKeyRequest(string Name, string? UserId, DateTimeOffset? ExpiresAt);

    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/admin/api-keys").RequireAuthorization(Permission.AdminSystem);
        keys.MapGet("/", (ApiKeyAdministration apiKeys, CancellationToken ct) => apiKeys.ListAsync(ct)).WithName("ListApiKeys");
        keys.MapPost("/", async (ApiKeyAdministration apiKeys, ApiKeyRequest request, CancellationToken ct) =>
            {
                var created = await apiKeys.CreateAsync(new NewApiKey(request.Name, request.UserId, request.ExpiresAt), ct);
                return TypedResults.Created($"/api/v1/admin/api-keys/{created.Id}", created);
            })
            .WithName("CreateApiKey").WithSummary("Creates a key acting as a user of the tenant; the response holds the secret, shown once.");
        keys.MapPost("/{id}/revoke", async (ApiKeyAdministration apiKeys, string id, CancellationToken ct) =>
            {
                await apiKeys.RevokeAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey");
        return api;
    }
}
