namespace Wbpm.Domain.Modeling;

/// <summary>tLoopCharacteristics (section 10.3.8).</summary>
public abstract record LoopCharacteristics : ModelElement
{
    public string? Id { get; init; }
}

public sealed record StandardLoopCharacteristics : LoopCharacteristics
{
    public string? LoopCondition { get; init; }
    public bool TestBefore { get; init; }
    public string? LoopMaximum { get; init; }
}

/// <summary>
/// Multi-instance (section 10.3.8): one instance per element of a collection, or loopCardinality instances.
/// Collection and ElementVariable come from wbpm: (or camunda:) attributes; loopDataInputRef / inputDataItem
/// are the spec's way of saying the same and are kept too.
/// </summary>
public sealed record MultiInstanceLoopCharacteristics : LoopCharacteristics
{
    public bool IsSequential { get; init; }
    public string? LoopCardinality { get; init; }
    public string? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public string? CompletionCondition { get; init; }
    public string? LoopDataInputRef { get; init; }
    public string? InputDataItemName { get; init; }
    public string? LoopDataOutputRef { get; init; }
    public string? OutputDataItemName { get; init; }
}
