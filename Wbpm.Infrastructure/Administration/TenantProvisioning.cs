using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

/// <summary>
/// Adds users to a tenant inside a caller's context and transaction, with Identity's password policy and hashing.
/// Shared by tenant creation, the demo data and the bootstrap admin; it checks no permission itself, because its
/// callers are either permission-checked services or start-up code.
/// </summary>
public sealed class TenantProvisioning(UserManager<WbpmUser> identity, PasswordPolicy passwords, TimeProvider clock)
{
    public static string NewTenantId(string name)
    {
        var slug = new string(name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (slug.Length > 40)
            slug = slug[..40];
        return $"{(slug.Length == 0 ? "tenant" : slug)}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    public Task<WbpmUser> AddAdminAsync(WbpmDbContext db, string tenantId, string userName, string displayName, string? email,
        string password, CancellationToken cancellationToken) =>
        AddUserAsync(db, tenantId, userName, displayName, email, password, [Role.Admin], cancellationToken);

    public async Task<WbpmUser> AddUserAsync(WbpmDbContext db, string tenantId, string userName, string displayName, string? email,
        string password, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = new WbpmUser
        {
            TenantId = tenantId,
            UserName = userName.Trim(),
            NormalizedUserName = identity.NormalizeName(userName.Trim()),
            Email = email,
            NormalizedEmail = identity.NormalizeEmail(email),
            EmailConfirmed = true,
            DisplayName = displayName,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == user.NormalizedUserName, cancellationToken))
            throw ValidationException.For("AdminUserName", $"The user name '{user.UserName}' is already taken.");
        await passwords.SetAsync(user, password, "AdminPassword");
        db.Users.Add(user);
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var roleId in roleIds)
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        return user;
    }

    public static Group AddGroup(WbpmDbContext db, string tenantId, string key, string name, string description)
    {
        var group = new Group(Guid.NewGuid().ToString("N"), tenantId, key, name, description);
        db.Groups.Add(group);
        return group;
    }
}
