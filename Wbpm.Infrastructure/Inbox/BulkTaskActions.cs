using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Inbox;

/// <summary>The outcome for one task of a bulk action: done, or why not (the HTTP status it would have had alone).</summary>
public sealed record BulkTaskResult(string TaskId, bool Succeeded, int Status, string? Error);

/// <summary>
/// Claim or assign a selection of tasks. Each task is its own change (own checks, transaction and audit entry, via
/// <see cref="TaskService"/>): one task someone else claimed first does not undo the others, and each answer says why.
/// </summary>
public sealed class BulkTaskActions(TaskService tasks)
{
    public const int MaxTasks = 100;

    public Task<IReadOnlyList<BulkTaskResult>> ClaimAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken = default) =>
        EachAsync(taskIds, id => tasks.ClaimAsync(id, null, cancellationToken));

    public Task<IReadOnlyList<BulkTaskResult>> AssignAsync(IReadOnlyList<string> taskIds, string userId, CancellationToken cancellationToken = default) =>
        EachAsync(taskIds, id => tasks.AssignAsync(id, userId, cancellationToken));

    private static async Task<IReadOnlyList<BulkTaskResult>> EachAsync(IReadOnlyList<string> taskIds, Func<string, Task> action)
    {
        if (taskIds is null || taskIds.Count == 0)
            throw ValidationException.For("taskIds", "Select at least one task.");
        if (taskIds.Count > MaxTasks)
            throw ValidationException.For("taskIds", $"Select at most {MaxTasks} tasks at once.");
        var results = new List<BulkTaskResult>();
        foreach (var id in taskIds.Distinct())
        {
            try
            {
                await action(id);
                results.Add(new(id, true, 204, null));
            }
            catch (ForbiddenException e) { results.Add(new(id, false, 403, e.Message)); }
            catch (NotFoundException e) { results.Add(new(id, false, 404, e.Message)); }
            catch (ValidationException e) { results.Add(new(id, false, 400, e.Message)); }
            catch (RuntimeConflictException e) { results.Add(new(id, false, 409, e.Message)); }
            catch (CommandRejectedException e) { results.Add(new(id, false, 409, e.Message)); }
        }
        return results;
    }
}
