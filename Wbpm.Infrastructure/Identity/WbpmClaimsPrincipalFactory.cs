using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Identity;

/// <summary>Adds the tenant and display name to the sign-in cookie's principal.</summary>
public sealed class WbpmClaimsPrincipalFactory(
    UserManager<WbpmUser> userManager,
    RoleManager<WbpmRole> roleManager,
    IOptions<IdentityOptions> options,
    WbpmDbContextFactory contexts)
    : UserClaimsPrincipalFactory<WbpmUser, WbpmRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WbpmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = contexts.Create(TenantScope.For(user.TenantId));
        var tenantName = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Name).FirstOrDefaultAsync();
        identity.AddClaim(new Claim(WbpmClaimTypes.TenantId, user.TenantId));
        identity.AddClaim(new Claim(WbpmClaimTypes.TenantName, tenantName ?? user.TenantId));
        identity.AddClaim(new Claim(WbpmClaimTypes.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
