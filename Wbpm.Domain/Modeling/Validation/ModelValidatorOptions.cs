namespace Wbpm.Domain.Modeling.Validation;

public sealed record ModelValidatorOptions
{
    public static ModelValidatorOptions Default { get; } = new();

    /// <summary>Script tasks run (sandboxed, in a job) only when an administrator enables them.</summary>
    public bool ScriptTasksEnabled { get; init; }
}
