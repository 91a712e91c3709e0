using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [task] --> [manual] --> (end)
/// </code>
/// </summary>
public sealed class PassThroughScenarioTests
{
    [Fact]
    public void TaskAndManualTaskPassTheTokenOnAndTheInstanceCompletes()
    {
        var run = Deploy("PassThrough").Start(Vars(("a", 1)), businessKey: "order-1");

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal(["start", "task", "manual", "end"], run.History(HistoryEventKind.Started));
        Assert.Equal(["start", "task", "manual", "end"], run.History(HistoryEventKind.Completed));
        Assert.Empty(run.State.Tokens);
        var ended = Assert.Single(run.EffectsOf<InstanceEnded>());
        Assert.Equal(InstanceStatus.Completed, ended.Status);
        Assert.Equal(run.Now, run.State.EndedAt);
        Assert.Equal("order-1", run.State.BusinessKey);
        Assert.Equal(1, run.Variable("a").GetInt32());
    }

    [Fact]
    public void HistoryRecordsTheStartingUserAndTheElementTypes()
    {
        var run = Deploy("PassThrough").Start();

        var started = run.EffectsOf<HistoryEvent>().Where(h => h.Kind == HistoryEventKind.Started).ToList();
        Assert.All(started, h => Assert.Equal("alice", h.User));
        Assert.Equal(["process", "startEvent", "task", "manualTask", "endEvent"], started.Select(h => h.ElementType));
    }
}
