using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Forms;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime.Forms;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Process instances of the current user's tenant: start by key (workflow.execute), read them and their history
/// (operations.view), cancel them and set variables (operations.manage). Changes are audited in the same commit.
/// Starting also needs the model's consent when it names its starters (<see cref="Portal.StarterAccess"/>).
/// </summary>
public sealed class ProcessInstanceService(
    TenantDbContextFactory contexts, ICurrentUser currentUser, InstanceCommands commands, ExecutableDefinitions definitions,
    AuditTrail audit, TimeProvider time, FeelEngine feel, Portal.StarterAccess starters)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Starts the latest version of <paramref name="key"/> at its none start event. When that event has a start form,
    /// <see cref="StartInstanceRequest.Variables"/> are checked against it first (docs/forms.md): a refused submission is a
    /// <see cref="ValidationException"/> keyed by field and starts nothing.
    /// </summary>
    public async Task<InstanceStarted> StartByKeyAsync(string key, StartInstanceRequest request, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        await using var db = contexts.Create();
        var definition = await definitions.GetLatestAsync(db, key, cancellationToken);
        await starters.EnsureMayStartAsync(db, definition, cancellationToken);
        var variables = await FormChecks.CheckAsync(db, definition.NoneStartEvent?.FormDefinition, request.Variables,
            new Dictionary<string, JsonElement>(), request.Outcome, cancellationToken);
        var now = time.GetUtcNow();
        var staged = await commands.StageStartAsync(db, definition,
            new StartInstance(null, Blank(request.BusinessKey), WithInitiator(variables), currentUser.UserName), now, cancellationToken);
        audit.Record(db, "instance.started", "ProcessInstance", staged.Instance.Id, null,
            new { definition.DefinitionId, definition.Key, definition.Version, staged.Instance.BusinessKey });
        await commands.CommitAsync(db, now, cancellationToken);
        return new InstanceStarted(staged.Instance.Id, definition.DefinitionId, StatusName(staged.Instance.Status));
    }

    /// <summary>
    /// Starts <paramref name="key"/> with what a start form (FormView) submitted: the same checks as
    /// <see cref="StartByKeyAsync"/>, for pages that render <see cref="GetStartFormAsync"/>.
    /// </summary>
    public Task<InstanceStarted> StartWithFormAsync(string key, IReadOnlyDictionary<string, JsonElement> values, string? outcome,
        string? businessKey = null, CancellationToken cancellationToken = default) =>
        StartByKeyAsync(key, new StartInstanceRequest(businessKey, new Dictionary<string, JsonElement>(values), outcome), cancellationToken);

    /// <summary>The start form of the latest version of <paramref name="key"/> (null Form: none), defaults resolved.</summary>
    public async Task<StartFormView> GetStartFormAsync(string key, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        await using var db = contexts.Create();
        var definition = await definitions.GetLatestAsync(db, key, cancellationToken);
        var form = definition.NoneStartEvent?.FormDefinition;
        var known = WithInitiator(null) ?? new Dictionary<string, JsonElement>();
        var values = form is null ? new Dictionary<string, JsonElement>() : FormPrefill.Resolve(form, known, feel, time.GetUtcNow());
        return new StartFormView(definition.DefinitionId, definition.Key, definition.Version, definition.Process.Name ?? definition.Key, form, values);
    }

    /// <summary>
    /// Every instance knows who started it as the process variable <c>initiator</c> (Camunda's convention), so models can
    /// assign work back to the requester (<c>wbpm:assignee="=initiator"</c>). A value the caller passes wins.
    /// </summary>
    private IReadOnlyDictionary<string, JsonElement>? WithInitiator(IReadOnlyDictionary<string, JsonElement>? variables)
    {
        if (currentUser.UserName is null || variables?.ContainsKey(InitiatorVariable) == true)
            return variables;
        var result = variables is null ? new Dictionary<string, JsonElement>() : new Dictionary<string, JsonElement>(variables);
        result[InitiatorVariable] = JsonSerializer.SerializeToElement(currentUser.UserName);
        return result;
    }

    public const string InitiatorVariable = "initiator";

    public async Task<PagedResult<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsView);
        if (query.Page < 1 || query.PageSize is < 1 or > MaxPageSize)
            throw ValidationException.For("page", $"page starts at 1 and pageSize is 1 to {MaxPageSize}.");
        await using var db = contexts.Create();
        var instances = db.ProcessInstances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.DefinitionKey))
            instances = instances.Where(i => i.DefinitionKey == query.DefinitionKey);
        if (!string.IsNullOrWhiteSpace(query.BusinessKey))
            instances = instances.Where(i => i.BusinessKey == query.BusinessKey);
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var status = ParseStatus(query.Status);
            instances = instances.Where(i => i.Status == status);
        }
        var total = await instances.CountAsync(cancellationToken);
        var page = await instances.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey, i.Status, i.HasIncident, i.StartedAt, i.EndedAt })
            .ToListAsync(cancellationToken);
        return new PagedResult<InstanceSummary>(page.Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionKey,
            i.DefinitionVersion, i.BusinessKey, StatusName(i.Status), i.HasIncident, i.StartedAt, i.EndedAt)).ToList(), total);
    }

    public async Task<InstanceDetails> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsView);
        await using var db = contexts.Create();
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("Process instance", id);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, cancellationToken);
        var state = instance.State();
        var active = state.ActiveElements().Select(a => new ActiveElementView(a.ElementId,
            definition.Model.FindNode(a.ElementId) is { } node ? BpmnElementNames.Of(node) : "unknown", a.Count)).ToList();
        return new InstanceDetails(instance.Id, instance.DefinitionId, instance.DefinitionKey, instance.DefinitionVersion,
            instance.BusinessKey, StatusName(instance.Status), instance.HasIncident, instance.StartedAt, instance.EndedAt,
            state.ProcessVariables, active);
    }

    /// <summary>Element instances in start order (the process itself is the instance, not listed).</summary>
    public async Task<IReadOnlyList<HistoryItem>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsView);
        await using var db = contexts.Create();
        if (!await db.ProcessInstances.AnyAsync(i => i.Id == id, cancellationToken))
            throw new NotFoundException("Process instance", id);
        return await InstanceHistory.ReadAsync(db, id, cancellationToken);
    }

    public async Task CancelAsync(string id, string? reason, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsManage);
        await RunUserCommandAsync(id, new CancelInstance(Blank(reason), currentUser.UserName), "instance.cancelled",
            new { Reason = Blank(reason) }, cancellationToken);
    }

    public async Task SetVariablesAsync(string id, IReadOnlyDictionary<string, JsonElement> variables, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsManage);
        if (variables.Count == 0)
            throw ValidationException.For("variables", "Give at least one variable to set.");
        await RunUserCommandAsync(id, new SetVariables(variables), "instance.variables-set", new { Names = variables.Keys.Order().ToList() },
            cancellationToken);
    }

    /// <summary>
    /// Repeats the step that raised an engine incident of the instance (after its cause was fixed, e.g. a variable
    /// set); the incident row is resolved in the same commit. Job incidents are retried through the jobs API instead.
    /// </summary>
    public async Task ResolveIncidentAsync(string id, string incidentId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.OperationsManage);
        await RunUserCommandAsync(id, new ResolveIncident(incidentId), "instance.incident-resolved", new { IncidentId = incidentId },
            cancellationToken);
    }

    private async Task RunUserCommandAsync(string id, EngineCommand command, string action, object after, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        try
        {
            await commands.StageAsync(db, id, command, now, cancellationToken);
        }
        catch (CommandRejectedException e)
        {
            throw new RuntimeConflictException(e.Message);
        }
        audit.Record(db, action, "ProcessInstance", id, null, after);
        try
        {
            await commands.CommitAsync(db, now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuntimeConflictException($"Process instance '{id}' changed while this request ran (another command committed first); reload and try again.");
        }
    }

    public static string StatusName(InstanceStatus status) => status.ToString().ToLowerInvariant();

    private static InstanceStatus ParseStatus(string status) =>
        Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw ValidationException.For("status", $"'{status}' is not a status: use active, completed, terminated or cancelled.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
