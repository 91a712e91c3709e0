using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Designer;

/// <summary>
/// Drafts of the current tenant: list, create blank, import, save (with the revision the designer started from),
/// save as copy, delete. Every change is checked against the caller's permissions and audited in the same commit.
/// Audit entries carry key, name and revision, never the XML (autosave would flood the log with it).
/// </summary>
public sealed class ProcessDraftService(TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    public const string EntityType = "ProcessDraft";

    public async Task<PagedResult<ProcessDraftSummary>> ListAsync(DraftQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        await using var db = contexts.Create();
        var drafts = db.ProcessDrafts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            drafts = drafts.Where(d => d.Name.ToLower().Contains(term) || d.Key.ToLower().Contains(term));
        }

        var total = await drafts.CountAsync(cancellationToken);
        var page = await Sorted(drafts, query.Sort)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(d => new ProcessDraftSummary(d.Id, d.Key, d.Name, d.Revision, d.CreatedByName, d.CreatedAt, d.UpdatedByName, d.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<ProcessDraftSummary>(page, total);
    }

    public async Task<ProcessDraftDocument> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        await using var db = contexts.Create();
        var draft = await FindAsync(db.ProcessDrafts.AsNoTracking(), id, cancellationToken);
        return Document(draft);
    }

    /// <summary>A new process with one start event. <paramref name="name"/> may be empty: the key is shown then.</summary>
    public async Task<string> CreateBlankAsync(string? name, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowCreate);
        var key = BlankProcess.NewKey();
        var displayName = string.IsNullOrWhiteSpace(name) ? "New process" : name.Trim();
        var xml = BlankProcess.Xml(key, displayName);
        var content = DraftContent.Parse(xml, "Name");
        return await AddAsync(content.Key, content.Name, xml, "draft.created", null, cancellationToken);
    }

    /// <summary>
    /// Imports a .bpmn file. It is parsed before anything is stored; a malformed file is refused with the line and
    /// column of each problem. Executable problems (missing conditions, ...) are not refused: the designer lists them.
    /// </summary>
    public async Task<string> ImportAsync(string fileName, string xml, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowCreate);
        var content = DraftContent.Parse(xml, "File");
        return await AddAsync(content.Key, content.Name, xml, "draft.imported", new { FileName = fileName }, cancellationToken);
    }

    /// <summary>
    /// Replaces the draft's XML when <paramref name="expectedRevision"/> is still current. When someone else saved
    /// in between, throws <see cref="DraftConflictException"/> (who and when) and writes nothing.
    /// </summary>
    public async Task<DraftSaved> SaveAsync(string id, string xml, int expectedRevision, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowEdit);
        var content = DraftContent.Parse(xml, "Xml");
        await using var db = contexts.Create();
        var draft = await FindAsync(db.ProcessDrafts, id, cancellationToken);
        var before = new { draft.Key, draft.Name, draft.Revision };
        var author = await AuthorAsync(db, cancellationToken);
        draft.Save(content.Key, content.Name, xml, expectedRevision, author, clock.GetUtcNow());
        await EnsureKeyIsFreeAsync(db, content.Key, draft.Id, "Xml", cancellationToken);
        audit.Record(db, "draft.saved", EntityType, draft.Id, before, new { draft.Key, draft.Name, draft.Revision });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save committed between our read and our write: report it like the check above would have.
            throw await ConflictAsync(id, cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Someone took the process id between our check and our write (the unique index decides).
            throw KeyTaken(content.Key, "Xml");
        }
        return new DraftSaved(draft.Id, draft.Key, draft.Name, draft.Revision, draft.UpdatedAt);
    }

    /// <summary>
    /// Stores <paramref name="xml"/> (typically the designer's unsaved work after a conflict) as a new draft with its
    /// own process id ("key_copy", "key_copy2", ...) and "(copy)" after the name. Returns the new draft's id.
    /// </summary>
    public async Task<string> SaveAsCopyAsync(string sourceId, string xml, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowCreate);
        var content = DraftContent.Parse(xml, "Xml");
        await using (var db = contexts.Create())
            await FindAsync(db.ProcessDrafts.AsNoTracking(), sourceId, cancellationToken);
        var key = await FreeCopyKeyAsync(content.Key, cancellationToken);
        var name = Truncate(content.Name + " (copy)", Domain.Definitions.ProcessDraft.MaxNameLength);
        var copyXml = content.WithProcess(key, name);
        return await AddAsync(key, name, copyXml, "draft.copied", new { SourceId = sourceId }, cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowDelete);
        await using var db = contexts.Create();
        var draft = await FindAsync(db.ProcessDrafts, id, cancellationToken);
        db.ProcessDrafts.Remove(draft);
        audit.Record(db, "draft.deleted", EntityType, draft.Id, new { draft.Key, draft.Name, draft.Revision }, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> AddAsync(string key, string name, string xml, string action, object? origin, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await EnsureKeyIsFreeAsync(db, key, null, action == "draft.imported" ? "File" : "Xml", cancellationToken);
        var author = await AuthorAsync(db, cancellationToken);
        var draft = new ProcessDraft(Guid.NewGuid().ToString("N"), TenantId, key, name, xml, author, clock.GetUtcNow());
        db.ProcessDrafts.Add(draft);
        audit.Record(db, action, EntityType, draft.Id, null, new { draft.Key, draft.Name, draft.Revision, Origin = origin });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw KeyTaken(key, action == "draft.imported" ? "File" : "Xml");
        }
        return draft.Id;
    }

    private static async Task EnsureKeyIsFreeAsync(WbpmDbContext db, string key, string? exceptId, string field, CancellationToken cancellationToken)
    {
        var other = await db.ProcessDrafts.AsNoTracking().Where(d => d.Key == key && d.Id != exceptId)
            .Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
            throw ValidationException.For(field,
                $"The process '{other}' already uses the process id '{key}'. Open that process, or give this one another id.");
    }

    private static ValidationException KeyTaken(string key, string field) =>
        ValidationException.For(field, $"Another process already uses the process id '{key}'. Give this one another id.");

    private async Task<string> FreeCopyKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var stem = Truncate(key + "_copy", Domain.Definitions.ProcessDraft.MaxKeyLength - 4);
        var taken = await db.ProcessDrafts.Where(d => d.Key.StartsWith(stem)).Select(d => d.Key).ToListAsync(cancellationToken);
        var candidate = stem;
        for (var n = 2; taken.Contains(candidate); n++)
            candidate = stem + n;
        return candidate;
    }

    private async Task<DraftConflictException> ConflictAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var current = await FindAsync(db.ProcessDrafts.AsNoTracking(), id, cancellationToken);
        return new DraftConflictException(current.Id, current.Revision, current.UpdatedByName, current.UpdatedAt);
    }

    private async Task<DraftAuthor> AuthorAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new ForbiddenException(Permission.WorkflowEdit);
        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new DraftAuthor(userId, string.IsNullOrWhiteSpace(displayName) ? currentUser.UserName ?? userId : displayName);
    }

    private string TenantId => currentUser.TenantId ?? throw new ForbiddenException(Permission.WorkflowCreate);

    private static async Task<ProcessDraft> FindAsync(IQueryable<ProcessDraft> drafts, string id, CancellationToken cancellationToken) =>
        await drafts.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("Process draft", id);

    private static ProcessDraftDocument Document(ProcessDraft d) => new(d.Id, d.Key, d.Name, d.Xml, d.Revision, d.UpdatedByName, d.UpdatedAt);

    private static IQueryable<ProcessDraft> Sorted(IQueryable<ProcessDraft> drafts, DraftSort sort) => sort switch
    {
        DraftSort.NameAscending => drafts.OrderBy(d => d.Name).ThenBy(d => d.Id),
        DraftSort.NameDescending => drafts.OrderByDescending(d => d.Name).ThenBy(d => d.Id),
        DraftSort.KeyAscending => drafts.OrderBy(d => d.Key).ThenBy(d => d.Id),
        DraftSort.KeyDescending => drafts.OrderByDescending(d => d.Key).ThenBy(d => d.Id),
        DraftSort.UpdatedAscending => drafts.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
        _ => drafts.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id),
    };

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
