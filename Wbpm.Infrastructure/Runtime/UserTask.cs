using Wbpm.Domain.Engine;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Runtime;

public enum UserTaskStatus { Open, Completed, Cancelled }

/// <summary>
/// The read row of a user task (denormalised for inboxes): written by the engine's effects, plus the assignment
/// changes people make (claim, unclaim, delegate) that do not concern the engine. <see cref="Revision"/> guards those
/// changes against each other and against completion.
/// </summary>
public sealed class UserTask : ITenantOwned
{
    private readonly List<TaskCandidate> _candidates = [];

    private UserTask() { Id = TenantId = ProcessInstanceId = ElementId = TokenId = DefinitionKey = ""; }

    public UserTask(UserTaskCreated created, ProcessInstance instance, string? processName)
    {
        Id = created.TaskId;
        TenantId = instance.TenantId;
        ProcessInstanceId = instance.Id;
        ElementId = created.ElementId;
        TokenId = created.TokenId;
        Name = created.Name;
        ProcessName = processName;
        DefinitionKey = instance.DefinitionKey;
        BusinessKey = instance.BusinessKey;
        Assignee = created.Assignee;
        Priority = created.Priority;
        DueDate = created.DueDate;
        FollowUpDate = created.FollowUpDate;
        FormKey = created.FormKey;
        FormId = created.FormId;
        CreatedAt = created.CreatedAt;
        Status = UserTaskStatus.Open;
        foreach (var user in created.CandidateUsers.Distinct())
            _candidates.Add(new TaskCandidate(Id, TenantId, CandidateKind.User, user));
        foreach (var group in created.CandidateGroups.Distinct())
            _candidates.Add(new TaskCandidate(Id, TenantId, CandidateKind.Group, group));
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string ProcessInstanceId { get; private set; }
    public string ElementId { get; private set; }
    public string TokenId { get; private set; }
    public string? Name { get; private set; }
    public string? ProcessName { get; private set; }
    public string DefinitionKey { get; private set; }
    public string? BusinessKey { get; private set; }
    public string? Assignee { get; private set; }
    public int Priority { get; private set; }
    public DateTimeOffset? DueDate { get; private set; }
    public DateTimeOffset? FollowUpDate { get; private set; }
    public UserTaskStatus Status { get; private set; }
    public string? FormKey { get; private set; }
    public string? FormId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public int Revision { get; private set; }

    /// <summary>When the overdue sweep notified the assignee (once per task); not a change the revision guards.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }

    public IReadOnlyCollection<TaskCandidate> Candidates => _candidates;

    public bool IsCandidate(string userName, IReadOnlyCollection<string> groupKeys) =>
        _candidates.Any(c => c.Kind == CandidateKind.User ? c.Value == userName : groupKeys.Contains(c.Value));

    public void Assign(string? assignee)
    {
        Assignee = assignee;
        Revision++;
    }

    public void MarkOverdueNotified(DateTimeOffset at) => OverdueNotifiedAt = at;

    public void Complete(string? user, DateTimeOffset at)
    {
        Status = UserTaskStatus.Completed;
        CompletedBy = user;
        CompletedAt = at;
        Revision++;
    }

    public void Cancel(DateTimeOffset at)
    {
        Status = UserTaskStatus.Cancelled;
        CompletedAt = at;
        Revision++;
    }
}

public enum CandidateKind { User, Group }

/// <summary>A candidate user or group of an open or closed task ("my groups' open tasks" reads this table).</summary>
public sealed class TaskCandidate : ITenantOwned
{
    private TaskCandidate() { TaskId = TenantId = Value = ""; }

    public TaskCandidate(string taskId, string tenantId, CandidateKind kind, string value)
    {
        TaskId = taskId;
        TenantId = tenantId;
        Kind = kind;
        Value = value;
    }

    public string TaskId { get; private set; }
    public string TenantId { get; private set; }
    public CandidateKind Kind { get; private set; }
    public string Value { get; private set; }
}
