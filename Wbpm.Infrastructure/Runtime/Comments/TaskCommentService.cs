using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime.Comments;

public sealed record CommentView(string Id, string TaskId, string Author, string AuthorName, string Text, DateTimeOffset CreatedAt);

/// <summary>
/// Comments on a user task: whoever may see the task (<see cref="TaskAccess"/>) reads and adds them, also after it
/// completed. Adding is audited in the same commit.
/// </summary>
public sealed class TaskCommentService(TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<CommentView>> ListAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        await TaskAccess.LoadVisibleAsync(db, currentUser, taskId, cancellationToken);
        return await ListAsync(db, taskId, cancellationToken);
    }

    public async Task<CommentView> AddAsync(string taskId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var task = await TaskAccess.LoadVisibleAsync(db, currentUser, taskId, cancellationToken);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw ValidationException.For("text", "Write a comment first.");
        if (trimmed.Length > TaskComment.MaxTextLength)
            throw ValidationException.For("text", $"A comment is at most {TaskComment.MaxTextLength} characters ({trimmed.Length} given).");
        var comment = new TaskComment(GuidIdGenerator.Instance.NewId(), task, currentUser.UserName!, trimmed, time.GetUtcNow());
        db.TaskComments.Add(comment);
        audit.Record(db, "task.commented", "UserTask", taskId, null, new { CommentId = comment.Id, Length = trimmed.Length });
        await db.SaveChangesAsync(cancellationToken);
        return new CommentView(comment.Id, taskId, comment.Author, await DisplayNameAsync(db, comment.Author, cancellationToken), comment.Text, comment.CreatedAt);
    }

    private static async Task<IReadOnlyList<CommentView>> ListAsync(WbpmDbContext db, string taskId, CancellationToken cancellationToken)
    {
        var rows = await db.TaskComments.AsNoTracking().Where(c => c.TaskId == taskId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var authors = rows.Select(r => r.Author).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
        return rows.Select(r => new CommentView(r.Id, r.TaskId, r.Author,
            names.TryGetValue(r.Author, out var name) && !string.IsNullOrWhiteSpace(name) ? name : r.Author, r.Text, r.CreatedAt)).ToList();
    }

    private static async Task<string> DisplayNameAsync(WbpmDbContext db, string userName, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) is { Length: > 0 } name
            ? name
            : userName;
}
