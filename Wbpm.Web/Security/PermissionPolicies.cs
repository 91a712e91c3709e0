using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Security;

/// <summary>
/// One authorization policy per permission, named after it: <c>[Authorize(Policy = Permission.AdminSystem)]</c>.
/// A user needs a tenant and a role granting the permission. Services check the same permissions again.
/// </summary>
internal static class PermissionPolicies
{
    public static void Register(AuthorizationOptions options)
    {
        foreach (var permission in Permission.All)
            options.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => Grants(c.User, permission)));
    }

    public static bool Grants(ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true
        && !string.IsNullOrEmpty(user.FindFirstValue(WbpmClaimTypes.TenantId))
        && RolePermissions.ForRoles(user.FindAll(ClaimTypes.Role).Select(c => c.Value)).Contains(permission);
}
