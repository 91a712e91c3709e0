using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;

namespace Wbpm.Web.Api;

/// <summary>Administration over HTTP (admin.system): the endpoint policy answers 403, the services check again.</summary>
internal static class AdminEndpoints
{
    public sealed record UserRequest(string UserName, string DisplayName, string? Email, string Password, string[]? Roles, string[]? GroupIds);
    public sealed record GroupRequest(string Key, string Name, string? Description);

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Permission.AdminSystem);
        admin.MapGet("/users", (UserAdministration users, string? search, int? skip, int? take, CancellationToken ct) =>
            users.ListAsync(new UserQuery(search, skip ?? 0, take ?? 25), ct));
        admin.MapGet("/users/{id}", (UserAdministration users, string id, CancellationToken ct) => users.GetAsync(id, ct));
        admin.MapPost("/users", async (UserAdministration users, UserRequest request, CancellationToken ct) =>
        {
            var id = await users.CreateAsync(new NewUser(request.UserName, request.DisplayName, request.Email, request.Password,
                request.Roles ?? [], request.GroupIds ?? []), ct);
            return TypedResults.Created($"/api/v1/admin/users/{id}", await users.GetAsync(id, ct));
        });
        admin.MapPost("/users/{id}/disable", async (UserAdministration users, string id, CancellationToken ct) =>
        {
            await users.SetDisabledAsync(id, true, ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/users/{id}/enable", async (UserAdministration users, string id, CancellationToken ct) =>
        {
            await users.SetDisabledAsync(id, false, ct);
            return TypedResults.NoContent();
        });
        admin.MapGet("/groups", (GroupAdministration groups, CancellationToken ct) => groups.ListAsync(ct));
        admin.MapPost("/groups", async (GroupAdministration groups, GroupRequest request, CancellationToken ct) =>
        {
            var id = await groups.CreateAsync(request.Key, request.Name, request.Description, ct);
            return TypedResults.Created($"/api/v1/admin/groups/{id}", new { id });
        });
        admin.MapGet("/audit", (AuditLog audit, string? action, string? search, int? skip, int? take, CancellationToken ct) =>
            audit.QueryAsync(new AuditQuery(Search: search, Action: action, Skip: skip ?? 0, Take: take ?? 50), ct));
        return api;
    }
}
