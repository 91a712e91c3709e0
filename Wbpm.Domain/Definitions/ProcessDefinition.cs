using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Definitions;

/// <summary>
/// One deployed, immutable version of an executable process. <see cref="Key"/> is the BPMN process id; versions of a
/// key count 1, 2, 3 ... per tenant without gaps. <see cref="Xml"/> is the whole uploaded document (it may hold other
/// processes or a collaboration); the engine runs the process whose id is <see cref="Key"/>.
/// </summary>
public sealed class ProcessDefinition : ITenantOwned
{
    public const int MaxKeyLength = 255;

    private ProcessDefinition() { Id = TenantId = Key = Xml = DeployedById = DeployedBy = DeploymentId = ResourceName = ""; }

    public ProcessDefinition(string id, string tenantId, string key, int version, string? name, string xml,
        string deployedById, string deployedBy, DateTimeOffset deployedAt, string deploymentId, string? comment, string resourceName)
    {
        if (version < 1)
            throw new ArgumentOutOfRangeException(nameof(version), version, "Versions start at 1.");
        Id = id;
        TenantId = tenantId;
        Key = key;
        Version = version;
        Name = name;
        Xml = xml;
        DeployedById = deployedById;
        DeployedBy = deployedBy;
        DeployedAt = deployedAt;
        DeploymentId = deploymentId;
        Comment = comment;
        ResourceName = resourceName;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string Key { get; private set; }
    public int Version { get; private set; }
    public string? Name { get; private set; }
    public string Xml { get; private set; }
    public string DeployedById { get; private set; }

    /// <summary>The deployer's user name at the time (kept so history reads well after a rename).</summary>
    public string DeployedBy { get; private set; }

    public DateTimeOffset DeployedAt { get; private set; }
    public string DeploymentId { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>The uploaded file name the definition came from.</summary>
    public string ResourceName { get; private set; }
}
