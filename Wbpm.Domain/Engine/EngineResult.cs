namespace Wbpm.Domain.Engine;

/// <summary>The new instance state and what happened, in order: write both in one transaction.</summary>
public sealed record EngineResult(ProcessInstanceState State, IReadOnlyList<EngineEffect> Effects);
