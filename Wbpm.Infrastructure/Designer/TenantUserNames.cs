using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Designer;

/// <summary>
/// The user names a designer may pick for assignees, candidate users and starters (workflow.edit; the full user
/// administration needs admin.system). Enabled users of the current tenant only, by the tenant filter.
/// </summary>
public sealed class TenantUserNames(TenantDbContextFactory contexts, ICurrentUser currentUser)
{
    public const int Limit = 2000;

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowEdit);
        await using var db = contexts.Create();
        return await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.UserName != null)
            .OrderBy(u => u.UserName).Select(u => u.UserName!).Take(Limit).ToListAsync(cancellationToken);
    }
}
