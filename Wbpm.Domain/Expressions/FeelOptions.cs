namespace Wbpm.Domain.Expressions;

/// <summary>Resource limits that keep a hostile or runaway expression from hanging or exhausting memory.</summary>
/// <param name="MaxSteps">Evaluation budget: one step per AST node visited, plus a small charge for large allocations.</param>
/// <param name="MaxDepth">Maximum nesting depth accepted by the parser (parentheses, operators, calls).</param>
/// <param name="MaxListSize">Largest list an evaluation may create.</param>
/// <param name="MaxStringLength">Longest string an evaluation may create.</param>
/// <param name="ParseCacheSize">How many distinct expression texts the engine keeps parsed.</param>
public sealed record FeelOptions(
    int MaxSteps = 10_000,
    int MaxDepth = 200,
    int MaxListSize = 100_000,
    int MaxStringLength = 1_000_000,
    int ParseCacheSize = 2_048)
{
    public static FeelOptions Default { get; } = new();
}
