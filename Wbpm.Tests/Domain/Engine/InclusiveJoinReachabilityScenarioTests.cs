using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> &lt;O&gt; --> [a] ---------------------------> &lt;O&gt; --> [after]
///              \-> [b] --> &lt;X&gt; -default-------------------/
///                           -skip-> (elsewhere)
/// </code>
/// </summary>
public sealed class InclusiveJoinReachabilityScenarioTests
{
    [Fact]
    public void TheJoinWaitsWhileAnUpstreamTokenCanStillArrive()
    {
        var run = Deploy("InclusiveJoinReachability").Start(Vars(("skip", false)));
        run.CompleteTask("a");
        Assert.Equal(["b", "join"], run.ActiveElements);

        run.CompleteTask("b");

        Assert.Equal(["after"], run.ActiveElements);
    }

    [Fact]
    public void TheJoinFiresOnceTheOtherTokenTookAPathThatNeverReachesIt()
    {
        var run = Deploy("InclusiveJoinReachability").Start(Vars(("skip", true)));
        run.CompleteTask("a");

        run.CompleteTask("b");

        Assert.Equal(["after"], run.ActiveElements);
        Assert.Contains("elsewhere", run.History(HistoryEventKind.Completed));
    }
}
