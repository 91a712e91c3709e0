using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Designer;

/// <summary>A deployed version with how many instances were started from it (running or ended).</summary>
public sealed record DraftVersion(ProcessDefinitionSummary Definition, int InstanceCount);

/// <summary>A deployed version and its XML exactly as deployed.</summary>
public sealed record DeployedVersion(ProcessDefinitionSummary Definition, string Xml);

public sealed record VersionComparison(DeployedVersion From, DeployedVersion To, IReadOnlyList<ElementDifference> Differences);

/// <summary>
/// The designer's view of a process's deployed versions (workflow.view): the list with instance counts, one version
/// to look at read-only, two versions compared. A version of another process (or another tenant) is "not found".
/// </summary>
public sealed class VersionHistory(
    ProcessDraftService drafts,
    ProcessDefinitionQueries definitions,
    TenantDbContextFactory contexts,
    ICurrentUser currentUser)
{
    /// <summary>Newest version first, each with its number of process instances.</summary>
    public async Task<IReadOnlyList<DraftVersion>> ListAsync(string draftId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        var draft = await drafts.GetAsync(draftId, cancellationToken);
        var versions = await definitions.ListAsync(draft.Key, cancellationToken: cancellationToken);
        var ids = versions.Select(v => v.Id).ToList();
        await using var db = contexts.Create();
        var counts = await db.ProcessInstances.AsNoTracking().Where(i => ids.Contains(i.DefinitionId))
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return versions.Select(v => new DraftVersion(v, counts.GetValueOrDefault(v.Id))).ToList();
    }

    public async Task<DeployedVersion> GetAsync(string draftId, string definitionId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowView);
        var draft = await drafts.GetAsync(draftId, cancellationToken);
        var definition = await definitions.GetAsync(definitionId, cancellationToken);
        if (definition.Key != draft.Key)
            throw new NotFoundException("Process definition", definitionId);
        return new DeployedVersion(definition, await definitions.GetXmlAsync(definitionId, cancellationToken));
    }

    /// <summary>What changed from <paramref name="fromId"/> to <paramref name="toId"/> (usually older to newer).</summary>
    public async Task<VersionComparison> CompareAsync(string draftId, string fromId, string toId, CancellationToken cancellationToken = default)
    {
        var from = await GetAsync(draftId, fromId, cancellationToken);
        var to = await GetAsync(draftId, toId, cancellationToken);
        return new VersionComparison(from, to, ModelDiff.Compare(from.Xml, to.Xml));
    }
}
