using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> (timer PT1H) --> (message "paid", key =orderId) --> (signal "go") --> [receive "paid", key ="second-"+orderId]
///   --> (throw message "shipped", key =orderId) --> [send "shipped"] --> (end: signal "go")
/// </code>
/// </summary>
public sealed class IntermediateEventScenarioTests
{
    [Fact]
    public void ATimerCatchWaitsUntilItsJobIsDueAndFired()
    {
        var run = Deploy("IntermediateEvents").Start(Vars(("orderId", "o-7")));

        var timer = Assert.Single(run.OpenJobs);
        Assert.Equal((JobKind.Timer, "wait1h"), (timer.Kind, timer.ElementId));
        Assert.Equal(run.Now.AddHours(1), timer.DueAt);

        run.FireTimersAt(run.Now.AddMinutes(59));
        Assert.Equal(["wait1h"], run.ActiveElements);

        run.FireTimersAt(run.Now.AddMinutes(1));
        Assert.Equal(["payment"], run.ActiveElements);
    }

    [Fact]
    public void MessageCatchSubscribesWithTheCorrelationKeyAndTakesTheMessageVariables()
    {
        var run = Deploy("IntermediateEvents").Start(Vars(("orderId", "o-7")));
        run.FireTimersAfter(TimeSpan.FromHours(1));

        var subscription = Assert.Single(run.OpenSubscriptions);
        Assert.Equal((SubscriptionKind.Message, "paid", "o-7", "payment"), (subscription.Kind, subscription.Name, subscription.CorrelationKey, subscription.ElementId));

        run.Correlate("paid", "o-7", Vars(("paidAmount", 42)));

        Assert.Equal(42, run.Variable("paidAmount").GetInt32());
        Assert.Equal(["goSignal"], run.ActiveElements);
        Assert.Equal(SubscriptionKind.Signal, Assert.Single(run.OpenSubscriptions).Kind);
    }

    [Fact]
    public void SignalCatchReceiveTaskThenMessageAndSignalThrowsPublishAndComplete()
    {
        var run = Deploy("IntermediateEvents").Start(Vars(("orderId", "o-7")));
        run.FireTimersAfter(TimeSpan.FromHours(1));
        run.Correlate("paid", "o-7");

        run.Signal("go");
        Assert.Equal(["receive"], run.ActiveElements);
        Assert.Equal("second-o-7", Assert.Single(run.OpenSubscriptions).CorrelationKey);

        run.Correlate("paid", "second-o-7");

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        var published = run.EffectsOf<MessagePublished>();
        Assert.Equal(2, published.Count);
        Assert.Equal(("shipped", "o-7", "notify"), (published[0].Name, published[0].CorrelationKey, published[0].ElementId));
        Assert.Equal("o-7", published[0].Variables["order"].GetString());
        Assert.Equal(("shipped", "send"), (published[1].Name, published[1].ElementId));
        Assert.Equal(("go", "end"), (Assert.Single(run.EffectsOf<SignalBroadcast>()).Name, run.EffectsOf<SignalBroadcast>()[0].ElementId));
    }
}
