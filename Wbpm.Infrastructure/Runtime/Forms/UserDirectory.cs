using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime.Forms;

/// <summary>A person one can pick in a form's user field or when delegating a task.</summary>
public sealed record UserChoice(string UserName, string DisplayName)
{
    /// <summary>How pickers list the user: "Carol Chen (carol)", or just the user name when it is the display name.</summary>
    public string Label => DisplayName == UserName ? UserName : $"{DisplayName} ({UserName})";
}

/// <summary>
/// The enabled users of the current tenant, for user pickers (task.work or workflow.execute: people who fill forms),
/// and the check that submitted user names exist in the tenant.
/// </summary>
public sealed class UserDirectory(TenantDbContextFactory contexts, ICurrentUser currentUser)
{
    public const int MaxUsers = 2000;

    public async Task<IReadOnlyList<UserChoice>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.Has(Permission.TaskWork))
            currentUser.Require(Permission.WorkflowExecute);
        await using var db = contexts.Create();
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.UserName != null)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName).Take(MaxUsers)
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
        return users.Select(u => new UserChoice(u.UserName!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName)).ToList();
    }

    /// <summary>Which of <paramref name="userNames"/> are enabled users of the tenant <paramref name="db"/> sees.</summary>
    public static async Task<IReadOnlySet<string>> ExistingAsync(WbpmDbContext db, IReadOnlyCollection<string> userNames,
        CancellationToken cancellationToken)
    {
        if (userNames.Count == 0) return new HashSet<string>();
        var found = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && userNames.Contains(u.UserName!))
            .Select(u => u.UserName!).ToListAsync(cancellationToken);
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
