using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Definitions;

/// <summary>Reads deployed definitions of the current tenant (workflow.view); another tenant's id is "not found".</summary>
public sealed class ProcessDefinitionQueries(TenantDbContextFactory contexts, ICurrentUser currentUser)
{
    /// <summary>Definitions by key, then newest version first; <paramref name="latestOnly"/> keeps the highest version of each key.</summary>
    public async Task<IReadOnlyList<ProcessDefinitionSummary>> ListAsync(string? key = null, bool latestOnly = false,
        string? deploymentId = null, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        await using var db = contexts.Create();
        var definitions = db.ProcessDefinitions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(key))
            definitions = definitions.Where(d => d.Key == key.Trim());
        if (!string.IsNullOrWhiteSpace(deploymentId))
            definitions = definitions.Where(d => d.DeploymentId == deploymentId);
        if (latestOnly)
            definitions = definitions.Where(d => d.Version == db.ProcessDefinitions.Where(o => o.Key == d.Key).Max(o => o.Version));
        return await definitions.OrderBy(d => d.Key).ThenByDescending(d => d.Version)
            .Select(d => new ProcessDefinitionSummary(d.Id, d.Key, d.Version, d.Name, d.DeploymentId, d.ResourceName,
                d.DeployedBy, d.DeployedAt, d.Comment))
            .ToListAsync(cancellationToken);
    }

    public async Task<ProcessDefinitionSummary> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        await using var db = contexts.Create();
        return await db.ProcessDefinitions.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new ProcessDefinitionSummary(d.Id, d.Key, d.Version, d.Name, d.DeploymentId, d.ResourceName,
                d.DeployedBy, d.DeployedAt, d.Comment))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Process definition", id);
    }

    /// <summary>The BPMN XML exactly as deployed.</summary>
    public async Task<string> GetXmlAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        await using var db = contexts.Create();
        return await db.ProcessDefinitions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Xml)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Process definition", id);
    }
}
