using Wbpm.Domain.Definitions;

namespace Wbpm.Infrastructure.Definitions;

/// <summary>One uploaded file: its name (e.g. "invoice.bpmn") and its bytes.</summary>
public sealed record DeploymentFile(string Name, Stream Content);

public sealed record DeploymentRequest(IReadOnlyList<DeploymentFile> Files, string? Name = null, string? Comment = null);

public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name);

/// <summary>What a successful deployment created, and the warnings the models still have.</summary>
public sealed record DeploymentResult(string Id, string Name, IReadOnlyList<DeployedDefinition> Definitions, IReadOnlyList<DeploymentProblem> Warnings);

/// <summary>A definition as lists and detail views show it (without its XML).</summary>
public sealed record ProcessDefinitionSummary(
    string Id, string Key, int Version, string? Name, string DeploymentId, string ResourceName,
    string DeployedBy, DateTimeOffset DeployedAt, string? Comment);
