using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Portal;

/// <summary>
/// Who may start a process (the model's candidate starter groups and users, see <see cref="RequesterRules"/>), for
/// the current user. Operators and admins (operations.manage) start anything: they run automation and fix stuck
/// work, so the model's audience does not bind them, in the portal or through the API.
/// </summary>
public sealed class StarterAccess(ICurrentUser currentUser)
{
    private IReadOnlyCollection<string>? _groupKeys;

    public async Task<bool> MayStartAsync(WbpmDbContext db, ExecutableDefinition definition, CancellationToken cancellationToken)
    {
        if (currentUser.Has(Permission.OperationsManage))
            return true;
        if (!currentUser.Has(Permission.WorkflowExecute) || currentUser.UserName is not { } me)
            return false;
        return RequesterRules.MayStart(definition.Process, me, await GroupKeysAsync(db, cancellationToken));
    }

    /// <summary>Throws <see cref="ForbiddenException"/> unless the current user may start <paramref name="definition"/>.</summary>
    public async Task EnsureMayStartAsync(WbpmDbContext db, ExecutableDefinition definition, CancellationToken cancellationToken)
    {
        if (!await MayStartAsync(db, definition, cancellationToken))
            throw new ForbiddenException($"{Permission.WorkflowExecute} (you are not among the people who may start '{definition.Key}')");
    }

    private async Task<IReadOnlyCollection<string>> GroupKeysAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        return _groupKeys ??= await db.Groups.Where(g => g.Members.Any(m => m.UserId == userId)).Select(g => g.Key).ToListAsync(cancellationToken);
    }
}
