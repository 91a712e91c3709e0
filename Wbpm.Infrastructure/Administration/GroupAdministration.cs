using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

public sealed record GroupSummary(string Id, string Key, string Name, string? Description, int MemberCount);

public sealed record GroupMemberView(string UserId, string UserName, string DisplayName);

/// <summary>Business groups of the current tenant (admin.system); each change is audited in the same commit.</summary>
public sealed class GroupAdministration(TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit)
{
    /// <summary>Every group of the tenant; readable by anyone signed in to it (pickers in the designer and inbox use it).</summary>
    public async Task<IReadOnlyList<GroupSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsAuthenticated)
            throw new ForbiddenException(Permission.AdminSystem);
        await using var db = contexts.Create();
        return await db.Groups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new GroupSummary(g.Id, g.Key, g.Name, g.Description, g.Members.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<GroupMemberView>> MembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var group = await FindAsync(db, groupId, cancellationToken);
        var userIds = group.Members.Select(m => m.UserId).ToList();
        return await db.Users.Where(u => userIds.Contains(u.Id)).OrderBy(u => u.UserName)
            .Select(u => new GroupMemberView(u.Id, u.UserName!, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    public async Task<string> CreateAsync(string key, string name, string? description, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var group = new Group(Guid.NewGuid().ToString("N"), currentUser.TenantId!, key, name, description);
        if (await db.Groups.AnyAsync(g => g.Key == group.Key, cancellationToken))
            throw ValidationException.For("Key", $"A group with the key '{group.Key}' already exists.");
        db.Groups.Add(group);
        audit.Record(db, "group.created", "Group", group.Id, null, new { group.Key, group.Name, group.Description });
        await db.SaveChangesAsync(cancellationToken);
        return group.Id;
    }

    public async Task UpdateAsync(string groupId, string name, string? description, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var group = await FindAsync(db, groupId, cancellationToken);
        var before = new { group.Name, group.Description };
        group.Rename(name, description);
        audit.Record(db, "group.updated", "Group", group.Id, before, new { group.Name, group.Description });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddMemberAsync(string groupId, string userId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var group = await FindAsync(db, groupId, cancellationToken);
        var user = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("User", userId);
        if (!group.AddMember(userId))
            return;
        audit.Record(db, "group.member-added", "Group", group.Id, null, new { UserId = userId, UserName = user });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveMemberAsync(string groupId, string userId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var group = await FindAsync(db, groupId, cancellationToken);
        if (!group.RemoveMember(userId))
            return;
        audit.Record(db, "group.member-removed", "Group", group.Id, new { UserId = userId }, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Group> FindAsync(WbpmDbContext db, string groupId, CancellationToken cancellationToken) =>
        await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken)
        ?? throw new NotFoundException("Group", groupId);
}
