using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
///              x > 1 --> [a] --\
/// (start) --> &lt;O&gt; x > 2 --> [b] ---&gt; &lt;O&gt; --> [after] --> (end)
///              default -> [c] --/
/// </code>
/// </summary>
public sealed class InclusiveGatewayScenarioTests
{
    [Fact]
    public void ForksOnEveryTrueConditionAndJoinsWhenNoMoreTokensCanArrive()
    {
        var run = Deploy("InclusiveForkJoin").Start(Vars(("x", 5)));
        Assert.Equal(["a", "b"], run.ActiveElements);

        run.CompleteTask("a");
        Assert.Equal(["b", "join"], run.ActiveElements);

        run.CompleteTask("b");
        Assert.Equal(["after"], run.ActiveElements);
    }

    [Fact]
    public void OneTrueConditionPassesStraightThroughTheJoin()
    {
        var run = Deploy("InclusiveForkJoin").Start(Vars(("x", 2)));
        Assert.Equal(["a"], run.ActiveElements);

        run.CompleteTask("a");
        Assert.Equal(["after"], run.ActiveElements);
    }

    [Fact]
    public void NoTrueConditionTakesTheDefaultFlow()
    {
        var run = Deploy("InclusiveForkJoin").Start(Vars(("x", 0)));
        Assert.Equal(["c"], run.ActiveElements);
        run.CompleteTask("c");
        run.CompleteTask("after");
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
    }
}
