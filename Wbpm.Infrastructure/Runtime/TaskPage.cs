using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Forms;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>What the current user may do with the task right now (the service checks again on every action).</summary>
public sealed record TaskActions(bool Complete, bool Claim, bool Unclaim, bool Delegate);

/// <summary>
/// Everything the task page shows: the task, its deployed form with defaults and read-only values resolved, the
/// variables the task sees, the instance's history, the deployed diagram and the elements holding tokens.
/// </summary>
public sealed record TaskPageView(
    TaskView Task,
    string DefinitionId,
    int DefinitionVersion,
    FormDefinition? Form,
    IReadOnlyDictionary<string, JsonElement> FormValues,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyList<HistoryItem> History,
    IReadOnlyList<string> ActiveElementIds,
    string DiagramXml,
    TaskActions Can);

/// <summary>The read model of /tasks/{id}, for users who may see the task (<see cref="TaskAccess"/>).</summary>
public sealed class TaskPageQuery(TenantDbContextFactory contexts, ICurrentUser currentUser, ExecutableDefinitions definitions,
    FeelEngine feel, TimeProvider time)
{
    public async Task<TaskPageView> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create();
        var task = await TaskAccess.LoadVisibleAsync(db, currentUser, taskId, cancellationToken);
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == task.ProcessInstanceId, cancellationToken)
            ?? throw new NotFoundException("Process instance", task.ProcessInstanceId);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, cancellationToken);
        var state = instance.State();
        var variables = (task.Status == UserTaskStatus.Open ? state.VariablesVisibleAt(task.TokenId) : null) ?? state.ProcessVariables;
        var form = (definition.Model.FindNode(task.ElementId) as Domain.Modeling.UserTask)?.FormDefinition;
        var formValues = form is null ? new Dictionary<string, JsonElement>() : FormPrefill.Resolve(form, variables, feel, time.GetUtcNow());
        var xml = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Id == instance.DefinitionId).Select(d => d.Xml)
            .FirstAsync(cancellationToken);
        var history = await InstanceHistory.ReadAsync(db, instance.Id, cancellationToken);
        var groups = await TaskAccess.GroupKeysAsync(db, currentUser, cancellationToken);
        return new TaskPageView(TaskService.View(task), instance.DefinitionId, instance.DefinitionVersion, form, formValues, variables, history,
            state.ActiveElements().Select(a => a.ElementId).ToList(), xml, ActionsFor(task, groups));
    }

    private TaskActions ActionsFor(UserTask task, IReadOnlyCollection<string> groups)
    {
        if (task.Status != UserTaskStatus.Open) return new TaskActions(false, false, false, false);
        var me = currentUser.UserName ?? "";
        var manage = currentUser.Has(Permission.TaskManage);
        var mine = task.Assignee == me;
        return new TaskActions(
            Complete: TaskAccess.CanComplete(task, currentUser, groups),
            Claim: task.Assignee is null && (manage || task.IsCandidate(me, groups)),
            Unclaim: task.Assignee is not null && (mine || manage),
            Delegate: mine || manage);
    }
}
