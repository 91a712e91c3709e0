namespace Wbpm.Domain.Modeling;

/// <summary>Limits that keep a hostile upload from exhausting memory, stack or time.</summary>
public sealed record BpmnReaderOptions
{
    public static BpmnReaderOptions Default { get; } = new();

    /// <summary>Characters in the document (after decoding). 10 MB by default: real models are well under 1 MB.</summary>
    public long MaxCharactersInDocument { get; init; } = 10_000_000;

    /// <summary>Element nesting depth. Real models nest subprocesses a few levels; DI adds three.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Number of elements in the document.</summary>
    public int MaxElements { get; init; } = 100_000;
}
