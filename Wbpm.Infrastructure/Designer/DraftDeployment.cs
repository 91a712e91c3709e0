using System.Text;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;

namespace Wbpm.Infrastructure.Designer;

/// <summary>
/// Deploying from the designer, its version history and rollback. Deploy takes the revision the designer just saved
/// and refuses when someone saved since, so what is deployed is exactly what the person saw. Validation (errors
/// refuse the deployment, with the list) and versioning are the DeploymentService's.
/// </summary>
public sealed class DraftDeployment(
    ProcessDraftService drafts,
    DeploymentService deployments,
    ProcessDefinitionQueries definitions,
    ICurrentUser currentUser)
{
    public async Task<DeployedDefinition> DeployAsync(string draftId, int expectedRevision, string? comment, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowEdit);
        var draft = await drafts.GetAsync(draftId, cancellationToken);
        if (draft.Revision != expectedRevision)
            throw new DraftConflictException(draft.Id, draft.Revision, draft.UpdatedByName, draft.UpdatedAt);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(draft.Xml));
        var result = await deployments.DeployAsync(
            new DeploymentRequest([new DeploymentFile($"{draft.Key}.bpmn", content)], draft.Name, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()),
            cancellationToken);
        return result.Definitions.FirstOrDefault(d => d.Key == draft.Key) ?? result.Definitions[0];
    }

    /// <summary>Every deployed version of the draft's process, newest first.</summary>
    public async Task<IReadOnlyList<ProcessDefinitionSummary>> VersionsAsync(string draftId, CancellationToken cancellationToken = default)
    {
        var draft = await drafts.GetAsync(draftId, cancellationToken);
        return await definitions.ListAsync(draft.Key, cancellationToken: cancellationToken);
    }

    /// <summary>Rollback: the draft becomes the XML of an earlier version (a normal save: revision-checked and audited).</summary>
    public async Task<DraftSaved> RestoreAsync(string draftId, string definitionId, int expectedRevision, CancellationToken cancellationToken = default)
    {
        var draft = await drafts.GetAsync(draftId, cancellationToken);
        var version = await definitions.GetAsync(definitionId, cancellationToken);
        if (version.Key != draft.Key)
            throw new NotFoundException("Process definition", definitionId);
        var xml = await definitions.GetXmlAsync(definitionId, cancellationToken);
        return await drafts.SaveAsync(draftId, xml, expectedRevision, cancellationToken);
    }
}
