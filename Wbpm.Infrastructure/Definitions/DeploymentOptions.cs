namespace Wbpm.Infrastructure.Definitions;

/// <summary><c>Wbpm:Deployments</c>: limits on uploads, checked before any XML is parsed.</summary>
public sealed class DeploymentOptions
{
    /// <summary>Bytes per uploaded file. Real models are well under 1 MB.</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    public int MaxFiles { get; set; } = 20;

    /// <summary>Parsed models kept by <see cref="ProcessDefinitionCache"/>.</summary>
    public int CacheCapacity { get; set; } = 500;
}
