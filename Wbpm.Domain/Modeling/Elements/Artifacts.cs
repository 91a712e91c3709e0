namespace Wbpm.Domain.Modeling;

/// <summary>tArtifact (section 8.3.1): descriptive only; never executed, never an error.</summary>
public abstract record Artifact : BaseElement;

public sealed record TextAnnotation : Artifact
{
    public string? Text { get; init; }
}

public sealed record Association : Artifact
{
    public required string SourceRef { get; init; }
    public required string TargetRef { get; init; }
    public string? AssociationDirection { get; init; }
}

public sealed record Group : Artifact
{
    public string? CategoryValueRef { get; init; }
}

/// <summary>Data objects and references (section 10.4): flow elements, but descriptive only for the engine.</summary>
public sealed record DataObject : FlowElement
{
    public bool IsCollection { get; init; }
}

public sealed record DataObjectReference : FlowElement
{
    public string? DataObjectRef { get; init; }
}

public sealed record DataStoreReference : FlowElement
{
    public string? DataStoreRef { get; init; }
}
