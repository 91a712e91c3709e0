using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

public sealed record MyProfile(string UserName, string DisplayName, string? Email, string TenantName,
    IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, IReadOnlyList<string> Permissions);

/// <summary>What the signed-in user may know about themselves (any authenticated user).</summary>
public sealed class MyAccount(TenantDbContextFactory contexts, ICurrentUser currentUser)
{
    public async Task<MyProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsAuthenticated)
            throw new ForbiddenException("authenticated");
        await using var db = contexts.Create();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw new NotFoundException("User", currentUser.UserId ?? "");
        var tenant = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Name).FirstAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == user.Id orderby r.Name select r.Name!).ToListAsync(cancellationToken);
        var groups = await (from m in db.GroupMembers join g in db.Groups on m.GroupId equals g.Id
                            where m.UserId == user.Id orderby g.Name select g.Name).ToListAsync(cancellationToken);
        return new MyProfile(user.UserName ?? "", user.DisplayName, user.Email, tenant, roles, groups,
            RolePermissions.ForRoles(roles).Order().ToList());
    }
}
