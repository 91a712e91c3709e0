using Microsoft.AspNetCore.Identity;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Identity;

/// <summary>A person (or an API key's acting user) who signs in. Every user belongs to exactly one tenant.</summary>
public sealed class WbpmUser : IdentityUser, ITenantOwned
{
    public string TenantId { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in and loses open sessions at the next revalidation.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
