namespace Wbpm.Infrastructure.Runtime;

/// <summary>The request lost a race or does not fit the current state (HTTP 409); nothing was changed.</summary>
public class RuntimeConflictException(string message) : Exception(message);

/// <summary>Someone completed the task first: names who and when, so the user knows what happened.</summary>
public sealed class TaskAlreadyCompletedException(string taskId, string? completedBy, DateTimeOffset? completedAt)
    : RuntimeConflictException($"Task '{taskId}' was already completed by {completedBy ?? "someone else"}" +
        (completedAt is { } at ? $" at {at:yyyy-MM-dd HH:mm:ss} UTC." : "."))
{
    public string TaskId { get; } = taskId;
    public string? CompletedBy { get; } = completedBy;
    public DateTimeOffset? CompletedAt { get; } = completedAt;
}
