using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Portal;

/// <summary>
/// "My requests": the instances the current user started (workflow.execute), where each stands (open tasks and who
/// holds them, else the elements holding tokens), its timeline, and withdrawing it (a cancel by the requester, while
/// the model allows it: <see cref="RequesterRules.WhyNotWithdrawable"/>). Another user's request answers 403.
/// </summary>
public sealed class MyRequests(
    TenantDbContextFactory contexts, ICurrentUser currentUser, ExecutableDefinitions definitions, InstanceCommands commands,
    AuditTrail audit, TimeProvider time)
{
    public const string WithdrawReason = "withdrawn by requester";
    public const int MaxPageSize = 100;

    public async Task<Administration.PagedResult<MyRequest>> ListAsync(MyRequestQuery query, CancellationToken cancellationToken = default)
    {
        var me = Me();
        if (query.Page < 1 || query.PageSize is < 1 or > MaxPageSize)
            throw ValidationException.For("page", $"page starts at 1 and pageSize is 1 to {MaxPageSize}.");
        await using var db = contexts.Create();
        var mine = db.ProcessInstances.AsNoTracking().Where(i => i.StartedBy == me && i.ParentInstanceId == null);
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var status = Enum.TryParse<InstanceStatus>(query.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw ValidationException.For("status", $"'{query.Status}' is not a status: use active, completed, terminated or cancelled.");
            mine = mine.Where(i => i.Status == status);
        }
        var total = await mine.CountAsync(cancellationToken);
        var page = await mine.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var requests = await DescribeAsync(db, page, cancellationToken);
        return new Administration.PagedResult<MyRequest>(requests, total);
    }

    public async Task<MyRequestDetails> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = contexts.Create();
        var instance = await LoadMineAsync(db, id, me, tracked: false, cancellationToken);
        var request = (await DescribeAsync(db, [instance], cancellationToken))[0];
        var history = await InstanceHistory.ReadAsync(db, id, cancellationToken);
        var blocked = await WhyNotWithdrawableAsync(db, instance, cancellationToken);
        return new MyRequestDetails(request, history, blocked is null, blocked);
    }

    /// <summary>Cancels my request (status cancelled, reason <see cref="WithdrawReason"/>), audited in the same commit.</summary>
    public async Task WithdrawAsync(string id, CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = contexts.Create();
        var instance = await LoadMineAsync(db, id, me, tracked: true, cancellationToken);
        if (await WhyNotWithdrawableAsync(db, instance, cancellationToken) is { } reason)
            throw new RuntimeConflictException(reason);
        var now = time.GetUtcNow();
        try
        {
            await commands.StageAsync(db, id, new CancelInstance(WithdrawReason, me), now, cancellationToken);
        }
        catch (CommandRejectedException e)
        {
            throw new RuntimeConflictException(e.Message);
        }
        audit.Record(db, "instance.withdrawn", "ProcessInstance", id, null, new { Reason = WithdrawReason });
        try
        {
            await commands.CommitAsync(db, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuntimeConflictException($"Request '{instance.BusinessKey ?? id}' moved on while you withdrew it; reload and try again.");
        }
    }

    private async Task<string?> WhyNotWithdrawableAsync(WbpmDbContext db, ProcessInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Status != InstanceStatus.Active)
            return $"The request has already ended ({ProcessInstanceService.StatusName(instance.Status)}).";
        var definition = await definitions.GetAsync(db, instance.DefinitionId, cancellationToken);
        return RequesterRules.WhyNotWithdrawable(definition.Model, definition.Process,
            instance.State().ActiveElements().Select(a => a.ElementId));
    }

    private static async Task<ProcessInstance> LoadMineAsync(WbpmDbContext db, string id, string me, bool tracked, CancellationToken cancellationToken)
    {
        var instances = tracked ? db.ProcessInstances : db.ProcessInstances.AsNoTracking();
        var instance = await instances.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException("Request", id);
        if (instance.StartedBy != me)
            throw new ForbiddenException($"{Permission.OperationsView} (request '{id}' was started by someone else)");
        return instance;
    }

    private async Task<IReadOnlyList<MyRequest>> DescribeAsync(WbpmDbContext db, IReadOnlyList<ProcessInstance> instances, CancellationToken cancellationToken)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var openTasks = await db.UserTasks.AsNoTracking().Include(t => t.Candidates)
            .Where(t => ids.Contains(t.ProcessInstanceId) && t.Status == UserTaskStatus.Open)
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var definitionIds = instances.Select(i => i.DefinitionId).Distinct().ToList();
        var names = await db.ProcessDefinitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var result = new List<MyRequest>();
        foreach (var instance in instances)
        {
            var definition = await definitions.GetAsync(db, instance.DefinitionId, cancellationToken);
            var tasks = openTasks.Where(t => t.ProcessInstanceId == instance.Id).ToList();
            var steps = tasks.Count > 0
                ? tasks.Select(t => new RequestStep(t.Name ?? t.ElementId, t.Assignee,
                    t.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).Order().ToList(),
                    t.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).Order().ToList())).ToList()
                : instance.Status == InstanceStatus.Active
                    ? instance.State().ActiveElements().Select(a => new RequestStep(
                        definition.Model.FindNode(a.ElementId)?.Name ?? a.ElementId, null, [], [])).ToList()
                    : [];
            result.Add(new MyRequest(instance.Id, instance.DefinitionKey,
                names.GetValueOrDefault(instance.DefinitionId) ?? definition.Process.Name ?? instance.DefinitionKey, instance.DefinitionVersion,
                instance.BusinessKey, ProcessInstanceService.StatusName(instance.Status), steps, instance.StartedAt, instance.EndedAt));
        }
        return result;
    }

    private string Me()
    {
        currentUser.Require(Permission.WorkflowExecute);
        return currentUser.UserName ?? throw new ForbiddenException(Permission.WorkflowExecute);
    }
}
