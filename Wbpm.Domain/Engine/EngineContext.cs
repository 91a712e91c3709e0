using Wbpm.Domain.Expressions;

namespace Wbpm.Domain.Engine;

/// <summary>
/// What one engine call may use besides the definition, state and command: the time (the engine never reads a
/// clock), id generation, FEEL, timer arithmetic and the step budget that stops runaway loops.
/// </summary>
public sealed record EngineContext(
    DateTimeOffset Now,
    IIdGenerator Ids,
    FeelEngine Feel,
    ITimerSchedule Timers,
    int StepBudget = EngineContext.DefaultStepBudget)
{
    public const int DefaultStepBudget = 10_000;
}

/// <summary>Globally unique ids for rows the infrastructure writes (instances, tasks, jobs, subscriptions, incidents).</summary>
public interface IIdGenerator
{
    string NewId();
}

/// <summary>Production id generator: version 7 GUIDs (time ordered, index friendly).</summary>
public sealed class GuidIdGenerator : IIdGenerator
{
    public static GuidIdGenerator Instance { get; } = new();
    public string NewId() => Guid.CreateVersion7().ToString("N");
}
