using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Runtime.Comments;

/// <summary>A note someone left on a user task (kept after the task completes; the instance id finds them later).</summary>
public sealed class TaskComment : ITenantOwned
{
    public const int MaxTextLength = 4000;

    private TaskComment() { Id = TenantId = TaskId = ProcessInstanceId = Author = Text = ""; }

    public TaskComment(string id, UserTask task, string author, string text, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = task.TenantId;
        TaskId = task.Id;
        ProcessInstanceId = task.ProcessInstanceId;
        Author = author;
        Text = text;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string TaskId { get; private set; }
    public string ProcessInstanceId { get; private set; }

    /// <summary>The author's user name.</summary>
    public string Author { get; private set; }

    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
