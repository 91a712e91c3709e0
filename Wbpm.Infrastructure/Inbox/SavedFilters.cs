using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Inbox;

public sealed record SavedFilterView(string Id, string Name, InboxFilter Filter, bool IsDefault, string? SharedWithGroup, string OwnerName, bool IsMine);

public sealed record NewSavedFilter(string Name, InboxFilter Filter, bool IsDefault = false, string? SharedWithGroup = null);

/// <summary>
/// Saved inbox filters (task.work). A user sees their own and those shared with one of their groups; only the owner sets the
/// default, shares and deletes it. Sharing needs membership of the group (or task.manage).
/// </summary>
public sealed class SavedFilters(TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<SavedFilterView>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var me = currentUser.UserId;
        var groups = await GroupKeysAsync(db, cancellationToken);
        var rows = await db.SavedFilters.AsNoTracking()
            .Where(f => f.OwnerId == me || (f.SharedWithGroup != null && groups.Contains(f.SharedWithGroup)))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(f => f.OwnerId == me).ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(View).ToList();
    }

    /// <summary>The user's default filter, if they set one.</summary>
    public async Task<SavedFilterView?> DefaultAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        await using var db = contexts.Create();
        var me = currentUser.UserId;
        var row = await db.SavedFilters.AsNoTracking().FirstOrDefaultAsync(f => f.OwnerId == me && f.IsDefault, cancellationToken);
        return row is null ? null : View(row);
    }

    public async Task<SavedFilterView> CreateAsync(NewSavedFilter request, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TaskWork);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > SavedFilter.MaxNameLength)
            throw ValidationException.For("name", $"Name the filter (1 to {SavedFilter.MaxNameLength} characters).");
        if (request.Filter.View == InboxView.All)
            currentUser.Require(Permission.TaskManage);
        await using var db = contexts.Create();
        var me = currentUser.UserId!;
        if (await db.SavedFilters.AnyAsync(f => f.OwnerId == me && f.Name == name, cancellationToken))
            throw ValidationException.For("name", $"You already have a filter named '{name}'.");
        var now = time.GetUtcNow();
        var filter = new SavedFilter(Guid.CreateVersion7().ToString("N"), currentUser.TenantId!, me, currentUser.UserName ?? me, name,
            JsonSerializer.Serialize(request.Filter, Json), now);
        db.SavedFilters.Add(filter);
        if (request.SharedWithGroup is { } group)
            filter.ShareWith(await ShareableGroupAsync(db, group, cancellationToken), now);
        if (request.IsDefault)
            await MakeDefaultAsync(db, filter, now, cancellationToken);
        audit.Record(db, "inbox.filter.created", "SavedFilter", filter.Id, null, new { filter.Name, filter.IsDefault, filter.SharedWithGroup, Filter = request.Filter });
        await db.SaveChangesAsync(cancellationToken);
        return View(filter);
    }

    /// <summary>Makes the filter the owner's default (unsetting the previous one), or no default at all.</summary>
    public async Task SetDefaultAsync(string id, bool isDefault, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var filter = await OwnAsync(db, id, cancellationToken);
        var before = filter.IsDefault;
        var now = time.GetUtcNow();
        if (isDefault)
            await MakeDefaultAsync(db, filter, now, cancellationToken);
        else
            filter.MakeDefault(false, now);
        audit.Record(db, "inbox.filter.default", "SavedFilter", id, new { IsDefault = before }, new { IsDefault = isDefault });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Shares the filter with one of the owner's groups (null: private again).</summary>
    public async Task ShareAsync(string id, string? groupKey, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var filter = await OwnAsync(db, id, cancellationToken);
        var before = filter.SharedWithGroup;
        var group = string.IsNullOrWhiteSpace(groupKey) ? null : await ShareableGroupAsync(db, groupKey, cancellationToken);
        filter.ShareWith(group, time.GetUtcNow());
        audit.Record(db, "inbox.filter.shared", "SavedFilter", id, new { SharedWithGroup = before }, new { SharedWithGroup = group });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var filter = await OwnAsync(db, id, cancellationToken);
        db.SavedFilters.Remove(filter);
        audit.Record(db, "inbox.filter.deleted", "SavedFilter", id, new { filter.Name, filter.SharedWithGroup }, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The caller's own filter: someone else's filter is 404 unless shared with them, then 403.</summary>
    private async Task<SavedFilter> OwnAsync(WbpmDbContext db, string id, CancellationToken cancellationToken)
    {
        currentUser.Require(Permission.TaskWork);
        var filter = await db.SavedFilters.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (filter is null)
            throw new NotFoundException("Saved filter", id);
        if (filter.OwnerId == currentUser.UserId)
            return filter;
        var groups = await GroupKeysAsync(db, cancellationToken);
        if (filter.SharedWithGroup is { } shared && groups.Contains(shared))
            throw new ForbiddenException($"{Permission.TaskWork} (only {filter.OwnerName}, who owns the filter '{filter.Name}', may change it)");
        throw new NotFoundException("Saved filter", id);
    }

    private async Task MakeDefaultAsync(WbpmDbContext db, SavedFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ownerId = filter.OwnerId;
        var filterId = filter.Id;
        foreach (var other in await db.SavedFilters.Where(f => f.OwnerId == ownerId && f.IsDefault && f.Id != filterId).ToListAsync(cancellationToken))
            other.MakeDefault(false, now);
        filter.MakeDefault(true, now);
    }

    private async Task<string> ShareableGroupAsync(WbpmDbContext db, string groupKey, CancellationToken cancellationToken)
    {
        var key = groupKey.Trim();
        if (!await db.Groups.AnyAsync(g => g.Key == key, cancellationToken))
            throw ValidationException.For("sharedWithGroup", $"There is no group '{key}'.");
        if (!currentUser.Has(Permission.TaskManage) && !(await GroupKeysAsync(db, cancellationToken)).Contains(key))
            throw ValidationException.For("sharedWithGroup", $"You can share only with a group you belong to; you are not in '{key}'.");
        return key;
    }

    private async Task<List<string>> GroupKeysAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        return await db.Groups.Where(g => g.Members.Any(m => m.UserId == userId)).Select(g => g.Key).ToListAsync(cancellationToken);
    }

    private SavedFilterView View(SavedFilter f) => new(f.Id, f.Name, JsonSerializer.Deserialize<InboxFilter>(f.FilterJson, Json)!,
        f.IsDefault, f.SharedWithGroup, f.OwnerName, f.OwnerId == currentUser.UserId);
}
