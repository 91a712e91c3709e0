using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Definitions;

/// <summary>One upload of one or more BPMN files: all their executable processes become definitions together, or none.</summary>
public sealed class Deployment : ITenantOwned
{
    public const int MaxNameLength = 200;
    public const int MaxCommentLength = 2000;

    private readonly List<ProcessDefinition> _definitions = [];

    private Deployment() { Id = TenantId = Name = DeployedById = DeployedBy = ""; }

    public Deployment(string id, string tenantId, string? name, string deployedById, string deployedBy,
        DateTimeOffset deployedAt, string? comment)
    {
        Id = id;
        TenantId = tenantId;
        Name = string.IsNullOrWhiteSpace(name) ? "Deployment" : name.Trim();
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (Name.Length > MaxNameLength)
            throw Security.ValidationException.For("name", $"A deployment name has at most {MaxNameLength} characters.");
        if (Comment?.Length > MaxCommentLength)
            throw Security.ValidationException.For("comment", $"A deployment comment has at most {MaxCommentLength} characters.");
        DeployedById = deployedById;
        DeployedBy = deployedBy;
        DeployedAt = deployedAt;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string Name { get; private set; }
    public string DeployedById { get; private set; }
    public string DeployedBy { get; private set; }
    public DateTimeOffset DeployedAt { get; private set; }
    public string? Comment { get; private set; }
    public IReadOnlyCollection<ProcessDefinition> Definitions => _definitions;

    /// <summary>Adds the next version of <paramref name="key"/>; the caller computed <paramref name="version"/> from the stored maximum.</summary>
    public ProcessDefinition AddDefinition(string id, string key, int version, string? name, string xml, string resourceName)
    {
        var definition = new ProcessDefinition(id, TenantId, key, version, name, xml, DeployedById, DeployedBy, DeployedAt, Id, Comment, resourceName);
        _definitions.Add(definition);
        return definition;
    }
}
