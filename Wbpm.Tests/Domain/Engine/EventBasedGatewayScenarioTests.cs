using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
///               /--> (timer P1D) --> [remind]
/// (start) --> &lt;E&gt;
///               \--> (message "paid") --> [ship]
/// </code>
/// </summary>
public sealed class EventBasedGatewayScenarioTests
{
    [Fact]
    public void WaitsAtTheGatewayForAllFollowingEvents()
    {
        var run = Deploy("EventBasedChoice").Start();

        Assert.Equal(["gw"], run.ActiveElements);
        Assert.Equal("timeout", Assert.Single(run.OpenJobs).ElementId);
        Assert.Equal("paid", Assert.Single(run.OpenSubscriptions).ElementId);
    }

    [Fact]
    public void TheMessageWinsAndTheTimerIsCancelled()
    {
        var run = Deploy("EventBasedChoice").Start();

        run.Correlate("paid", variables: Vars(("via", "card")));

        Assert.Equal(["ship"], run.ActiveElements);
        Assert.Empty(run.OpenJobs);
        Assert.Single(run.EffectsOf<JobCancelled>());
        Assert.Equal("card", run.Variable("via").GetString());
        Assert.Equal(["start", "gw", "paid", "ship"], run.History(HistoryEventKind.Started));
    }

    [Fact]
    public void TheTimerWinsAndTheSubscriptionIsClosed()
    {
        var run = Deploy("EventBasedChoice").Start();

        run.FireTimersAfter(TimeSpan.FromDays(1));

        Assert.Equal(["remind"], run.ActiveElements);
        Assert.Empty(run.OpenSubscriptions);
    }
}
