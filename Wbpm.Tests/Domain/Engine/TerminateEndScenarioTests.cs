using Wbpm.Domain.Engine;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> &lt;+&gt; --> [wait] --> (end)
///              \-> [ sub: &lt;+&gt; --> [inner] --> (subEnd)
///                         \-> [decide] --> (subTerminate: terminate) ] --> [kill] --> (terminate)
/// </code>
/// </summary>
public sealed class TerminateEndScenarioTests
{
    [Fact]
    public void TerminateInASubprocessEndsOnlyTheSubprocess()
    {
        var run = EngineHarness.Deploy("TerminateEnd").Start();
        Assert.Equal(["decide", "inner", "sub", "wait"], run.ActiveElements);

        run.CompleteTask("decide");

        Assert.Equal(["kill", "wait"], run.ActiveElements);
        Assert.Contains(run.EffectsOf<UserTaskCancelled>(), c => c.ElementId == "inner");
        Assert.Contains("inner", run.History(HistoryEventKind.Cancelled));
        Assert.Equal(InstanceStatus.Active, run.State.Status);
    }

    [Fact]
    public void TerminateAtProcessLevelCancelsEverythingAndEndsTheInstanceAsTerminated()
    {
        var run = EngineHarness.Deploy("TerminateEnd").Start();
        run.CompleteTask("decide");

        run.CompleteTask("kill");

        Assert.Equal(InstanceStatus.Terminated, run.State.Status);
        Assert.Contains(run.EffectsOf<UserTaskCancelled>(), c => c.ElementId == "wait");
        Assert.Empty(run.OpenUserTasks);
        Assert.Equal(InstanceStatus.Terminated, Assert.Single(run.EffectsOf<InstanceEnded>()).Status);
    }
}
