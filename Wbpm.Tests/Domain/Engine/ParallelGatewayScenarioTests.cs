using Wbpm.Domain.Engine;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> &lt;+&gt; --> [a] --> &lt;+&gt; --> [after] --> (end)
///              \-> [b] --/
/// </code>
/// </summary>
public sealed class ParallelGatewayScenarioTests
{
    [Fact]
    public void ForksIntoBothBranchesAndJoinsOnlyWhenBothArrived()
    {
        var run = EngineHarness.Deploy("ParallelForkJoin").Start();
        Assert.Equal(["a", "b"], run.ActiveElements);

        run.CompleteTask("b");
        Assert.Equal(["a", "join"], run.ActiveElements);
        Assert.DoesNotContain("after", run.History(HistoryEventKind.Started));

        run.CompleteTask("a");
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Single(run.History(HistoryEventKind.Started), "after");
    }
}
