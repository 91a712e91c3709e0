using Microsoft.AspNetCore.Identity;

namespace Wbpm.Infrastructure.Identity;

/// <summary>A built-in role (see <see cref="Wbpm.Domain.Security.Role"/>). Roles are global; their permissions are fixed in code.</summary>
public sealed class WbpmRole : IdentityRole
{
    public WbpmRole() { }
    public WbpmRole(string name) : base(name) { }
}
