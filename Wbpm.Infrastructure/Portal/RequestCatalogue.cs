using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Infrastructure.Portal;

/// <summary>
/// "Start a request": the latest deployed version of every process of the tenant the current user may start (see
/// <see cref="StarterAccess"/>) that has a none start event, and starting one with a business key (typed or generated).
/// </summary>
public sealed class RequestCatalogue(
    TenantDbContextFactory contexts, ICurrentUser currentUser, ExecutableDefinitions definitions, StarterAccess starters,
    BusinessKeys businessKeys, ProcessInstanceService instances)
{
    public async Task<IReadOnlyList<PortalProcess>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        await using var db = contexts.Create();
        var latest = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => !db.ProcessDefinitions.Any(newer => newer.Key == d.Key && newer.Version > d.Version))
            .Select(d => new { d.Id, d.Key, d.Name, d.Version, d.DeployedAt })
            .ToListAsync(cancellationToken);
        var result = new List<PortalProcess>();
        foreach (var row in latest)
        {
            var definition = await definitions.GetAsync(db, row.Id, cancellationToken);
            if (HasNoneStart(definition) && await starters.MayStartAsync(db, definition, cancellationToken))
                result.Add(new PortalProcess(row.Key, row.Id, row.Name ?? definition.Process.Name ?? row.Key,
                    definition.Process.Documentation, row.Version, row.DeployedAt));
        }
        return result.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The start form of the latest version of <paramref name="key"/> (null Form: the process has none), prefilled with its
    /// defaults; 403 when the model does not list the user as a starter, like <see cref="StartAsync"/>.
    /// </summary>
    public async Task<StartFormView> StartFormAsync(string key, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        await using (var db = contexts.Create())
        {
            var definition = await definitions.GetLatestAsync(db, key, cancellationToken);
            await starters.EnsureMayStartAsync(db, definition, cancellationToken);
        }
        return await instances.GetStartFormAsync(key, cancellationToken);
    }

    /// <summary>Starts the latest version of <paramref name="key"/>; 403 when the model does not list the user as a starter.</summary>
    public async Task<RequestStarted> StartAsync(string key, StartRequestInput input, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowExecute);
        string businessKey;
        await using (var db = contexts.Create())
        {
            var definition = await definitions.GetLatestAsync(db, key, cancellationToken);
            await starters.EnsureMayStartAsync(db, definition, cancellationToken);
            if (!HasNoneStart(definition))
                throw ValidationException.For("key", $"'{key}' is started by an event (message, signal or timer), not from the portal.");
            businessKey = await businessKeys.ChooseAsync(db, key, input.BusinessKey, cancellationToken);
        }
        var started = await instances.StartByKeyAsync(key, new StartInstanceRequest(businessKey, input.Variables, input.Outcome), cancellationToken);
        return new RequestStarted(started.Id, businessKey, started.Status);
    }

    private static bool HasNoneStart(ExecutableDefinition definition) =>
        definition.Model.StartEventsOf(definition.Process).Any(s => s.Trigger == EventTrigger.None);
}
