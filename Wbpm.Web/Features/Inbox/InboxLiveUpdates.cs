using Wbpm.Infrastructure.Runtime.Changes;

namespace Wbpm.Web.Features.Inbox;

/// <summary>
/// An open inbox's view of the <see cref="TaskChangeFeed"/>: every committed change of the user's tenant asks for a
/// refresh; a task that newly lands in the user's lists (created for them or their groups, or handed to them by
/// someone else) is also announced. The feed calls on the committing thread: the page marshals with InvokeAsync.
/// </summary>
public sealed class InboxLiveUpdates(string tenantId, string userName, IReadOnlyCollection<string> groupKeys)
{
    /// <summary>Tasks this page just changed itself (a claim made here is no news to announce).</summary>
    private readonly HashSet<string> _ownChanges = [];
    private readonly Lock _gate = new();

    public void ChangedHere(string taskId)
    {
        lock (_gate) _ownChanges.Add(taskId);
    }

    /// <summary>Whether the batch concerns this tenant, and the changes to announce.</summary>
    public (bool Refresh, IReadOnlyList<TaskChange> Arrived) Sort(IReadOnlyList<TaskChange> changes)
    {
        var ours = changes.Where(c => c.TenantId == tenantId).ToList();
        var arrived = new List<TaskChange>();
        foreach (var change in ours)
        {
            bool own;
            lock (_gate) own = _ownChanges.Remove(change.TaskId);
            if (!own && Lands(change))
                arrived.Add(change);
        }
        return (ours.Count > 0, arrived);
    }

    private bool Lands(TaskChange change) => change.Kind switch
    {
        TaskChangeKind.Created => change.Assignee == userName || change.CandidateUsers.Contains(userName)
            || change.CandidateGroups.Any(groupKeys.Contains),
        TaskChangeKind.Reassigned => change.Assignee == userName && change.PreviousAssignee != userName,
        _ => false,
    };
}
