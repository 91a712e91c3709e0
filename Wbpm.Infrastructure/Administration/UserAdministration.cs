using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

/// <summary>
/// Managing the users of the current tenant (admin.system). Works on a tenant-filtered context so a user of
/// another tenant is "not found", and writes each change with its audit entry in one SaveChanges. Identity's
/// UserManager is used only for its policies (password rules, hashing, normalisation), never its store.
/// </summary>
public sealed class UserAdministration(
    TenantDbContextFactory contexts,
    ICurrentUser currentUser,
    UserManager<WbpmUser> identity,
    PasswordPolicy passwords,
    AuditTrail audit,
    TimeProvider clock)
{
    public async Task<PagedResult<UserSummary>> ListAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(term) || u.NormalizedEmail!.Contains(term)
                || u.DisplayName.ToUpper().Contains(term));
        }

        users = (query.OrderBy, query.Descending) switch
        {
            ("DisplayName", false) => users.OrderBy(u => u.DisplayName),
            ("DisplayName", true) => users.OrderByDescending(u => u.DisplayName),
            ("Email", false) => users.OrderBy(u => u.Email),
            ("Email", true) => users.OrderByDescending(u => u.Email),
            ("CreatedAt", false) => users.OrderBy(u => u.CreatedAt),
            ("CreatedAt", true) => users.OrderByDescending(u => u.CreatedAt),
            (_, true) => users.OrderByDescending(u => u.UserName),
            _ => users.OrderBy(u => u.UserName),
        };

        var total = await users.CountAsync(cancellationToken);
        var page = await users.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(cancellationToken);
        return new PagedResult<UserSummary>(await SummariseAsync(db, page, cancellationToken), total);
    }

    public async Task<UserSummary> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        return (await SummariseAsync(db, [user], cancellationToken))[0];
    }

    public async Task<string> CreateAsync(NewUser input, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        var tenantId = currentUser.TenantId!;
        await using var db = contexts.Create();
        var user = new WbpmUser
        {
            TenantId = tenantId,
            UserName = input.UserName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.NormalizedUserName = identity.NormalizeName(user.UserName);
        user.NormalizedEmail = identity.NormalizeEmail(user.Email);
        await ValidateNewUserAsync(db, user, input.Password, cancellationToken);
        passwords.SetChecked(user, input.Password); // ValidateNewUserAsync checked it with the other fields

        db.Users.Add(user);
        await ReplaceRolesAsync(db, user, input.Roles, cancellationToken);
        await ReplaceGroupsAsync(db, user, input.GroupIds, cancellationToken);
        audit.Record(db, "user.created", "User", user.Id, null,
            new { user.UserName, user.DisplayName, user.Email, Roles = input.Roles, Groups = input.GroupIds });
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    public async Task UpdateAsync(string userId, UserChanges changes, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        var before = new { user.DisplayName, user.Email };
        if (string.IsNullOrWhiteSpace(changes.DisplayName))
            throw ValidationException.For(nameof(UserChanges.DisplayName), "A display name is required.");
        user.DisplayName = changes.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(changes.Email) ? null : changes.Email.Trim();
        user.NormalizedEmail = identity.NormalizeEmail(user.Email);
        audit.Record(db, "user.updated", "User", user.Id, before, new { user.DisplayName, user.Email });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Disabling renews the security stamp, so open sessions end at their next revalidation (≤ 1 minute).</summary>
    public async Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        if (disabled && userId == currentUser.UserId)
            throw ValidationException.For("", "You cannot disable your own account.");
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        if (user.IsDisabled == disabled)
            return;
        user.IsDisabled = disabled;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(db, disabled ? "user.disabled" : "user.enabled", "User", user.Id,
            new { IsDisabled = !disabled }, new { IsDisabled = disabled });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResetPasswordAsync(string userId, string newPassword, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        await passwords.SetAsync(user, newPassword, "Password");
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Record(db, "user.password-reset", "User", user.Id, null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        var before = new { user.LockoutEnd };
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        audit.Record(db, "user.unlocked", "User", user.Id, before, new { LockoutEnd = (DateTimeOffset?)null });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Role changes renew the security stamp: the user's open pages lose removed permissions within a minute.</summary>
    public async Task SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        if (userId == currentUser.UserId && !roles.Contains(Role.Admin))
            throw ValidationException.For("Roles", "You cannot remove the Admin role from yourself.");
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        var before = await RoleNamesAsync(db, user.Id, cancellationToken);
        await ReplaceRolesAsync(db, user, roles, cancellationToken);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(db, "user.roles-changed", "User", user.Id, new { Roles = before }, new { Roles = roles.Order().ToList() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetGroupsAsync(string userId, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var user = await FindAsync(db, userId, cancellationToken);
        var before = await db.GroupMembers.Where(m => m.UserId == user.Id).Select(m => m.GroupId).OrderBy(g => g).ToListAsync(cancellationToken);
        await ReplaceGroupsAsync(db, user, groupIds, cancellationToken);
        audit.Record(db, "user.groups-changed", "User", user.Id, new { Groups = before }, new { Groups = groupIds.Order().ToList() });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<WbpmUser> FindAsync(WbpmDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
        ?? throw new NotFoundException("User", userId);

    private async Task ValidateNewUserAsync(WbpmDbContext db, WbpmUser user, string password, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(user.UserName) || user.UserName.Length > 256
            || !user.UserName.All(c => identity.Options.User.AllowedUserNameCharacters.Contains(c)))
            errors[nameof(NewUser.UserName)] = ["A user name is required and may contain letters, digits and - . _ @ +."];
        // User names are unique across tenants: signing in happens before a tenant is known.
        else if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == user.NormalizedUserName, cancellationToken))
            errors[nameof(NewUser.UserName)] = [$"The user name '{user.UserName}' is already taken."];
        if (string.IsNullOrWhiteSpace(user.DisplayName))
            errors[nameof(NewUser.DisplayName)] = ["A display name is required."];
        if (user.Email is not null && !System.Net.Mail.MailAddress.TryCreate(user.Email, out _))
            errors[nameof(NewUser.Email)] = ["The email address is not valid."];
        var passwordErrors = await passwords.ErrorsAsync(user, password);
        if (passwordErrors.Length > 0)
            errors[nameof(NewUser.Password)] = passwordErrors;
        if (errors.Count > 0)
            throw new ValidationException(errors);
    }

    private static async Task ReplaceRolesAsync(WbpmDbContext db, WbpmUser user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var unknown = roles.Except(Role.All).ToList();
        if (unknown.Count > 0)
            throw ValidationException.For("Roles", $"Unknown role: {string.Join(", ", unknown)}.");
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        var existing = await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(cancellationToken);
        db.UserRoles.RemoveRange(existing.Where(ur => !roleIds.Contains(ur.RoleId)));
        foreach (var roleId in roleIds.Where(id => existing.All(ur => ur.RoleId != id)))
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
    }

    private static async Task ReplaceGroupsAsync(WbpmDbContext db, WbpmUser user, IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        // Groups are loaded through the tenant filter: ids of another tenant's groups are rejected as unknown.
        var groups = await db.Groups.Include(g => g.Members).ToListAsync(cancellationToken);
        var unknown = groupIds.Except(groups.Select(g => g.Id)).ToList();
        if (unknown.Count > 0)
            throw ValidationException.For("Groups", $"Unknown group: {string.Join(", ", unknown)}.");
        foreach (var group in groups)
        {
            if (groupIds.Contains(group.Id))
                group.AddMember(user.Id);
            else
                group.RemoveMember(user.Id);
        }
    }

    private static Task<List<string>> RoleNamesAsync(WbpmDbContext db, string userId, CancellationToken cancellationToken) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where ur.UserId == userId
         orderby r.Name
         select r.Name!).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<UserSummary>> SummariseAsync(WbpmDbContext db, IReadOnlyList<WbpmUser> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var groups = await (from m in db.GroupMembers
                            join g in db.Groups on m.GroupId equals g.Id
                            where ids.Contains(m.UserId)
                            select new { m.UserId, g.Id, g.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserSummary(
            u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            groups.Where(g => g.UserId == u.Id).Select(g => g.Name).Order().ToList(),
            u.CreatedAt)
        {
            GroupIds = groups.Where(g => g.UserId == u.Id).OrderBy(g => g.Name).Select(g => g.Id).ToList(),
        }).ToList();
    }
}
