using System.Security.Claims;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Tests.Support;

/// <summary>Principals shaped like the sign-in cookie's, for driving services directly as a given user.</summary>
public static class TestPrincipals
{
    public static ClaimsPrincipal Admin(string tenantId, string userId = "test-admin") => With(tenantId, userId, Role.Admin);

    public static ClaimsPrincipal With(string tenantId, string userId, params string[] roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, userId),
            new(WbpmClaimTypes.TenantId, tenantId),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
