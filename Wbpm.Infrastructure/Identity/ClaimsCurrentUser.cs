using System.Security.Claims;
using Wbpm.Domain.Security;

namespace Wbpm.Infrastructure.Identity;

/// <summary>
/// The current user of a request or Blazor circuit, read from its claims. The web layer hands over the
/// principal (middleware for HTTP requests, a circuit handler for interactive pages); permissions come from the
/// role claims through <see cref="RolePermissions"/>, so a role change applies as soon as the principal is renewed.
/// </summary>
public sealed class ClaimsCurrentUser : ICurrentUser
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private IReadOnlySet<string> _permissions = new HashSet<string>();

    public ClaimsPrincipal Principal => _principal;
    public bool IsAuthenticated => _principal.Identity?.IsAuthenticated == true;
    public string? UserId => IsAuthenticated ? _principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public string? UserName => IsAuthenticated ? _principal.Identity!.Name : null;
    public string? TenantId => IsAuthenticated ? _principal.FindFirstValue(WbpmClaimTypes.TenantId) : null;
    public string? TenantName => IsAuthenticated ? _principal.FindFirstValue(WbpmClaimTypes.TenantName) : null;
    public string? DisplayName => IsAuthenticated ? _principal.FindFirstValue(WbpmClaimTypes.DisplayName) ?? UserName : null;
    public IReadOnlySet<string> Permissions => _permissions;

    public void Set(ClaimsPrincipal principal)
    {
        _principal = principal;
        // A user without a tenant holds no permission at all, whatever their roles say.
        _permissions = principal.Identity?.IsAuthenticated == true && principal.HasClaim(c => c.Type == WbpmClaimTypes.TenantId)
            ? RolePermissions.ForRoles(principal.FindAll(ClaimTypes.Role).Select(c => c.Value))
            : new HashSet<string>();
    }
}
