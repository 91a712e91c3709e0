using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [charge: external] ----------------> [ pick: &lt;X&gt; -default-> (pEnd)
///               | error CARD_DECLINED --> [fixCard]       -stock = 0-> (error OUT_OF_STOCK)
///               | error (catch-all) --> [investigate]     -stock &lt; 0-> (error OTHER) ] --> (end)
///                                                      | error OUT_OF_STOCK --> [reorder]
/// </code>
/// </summary>
public sealed class ErrorScenarioTests
{
    [Fact]
    public void AWorkerErrorIsCaughtByTheBoundaryWithItsCodeAndStoresTheCode()
    {
        var run = Deploy("ErrorHandling").Start(Vars(("stock", 1)));

        run.ThrowBpmnError("charge", "CARD_DECLINED");

        Assert.Equal(["fixCard"], run.ActiveElements);
        Assert.Equal("CARD_DECLINED", run.Variable("code").GetString());
    }

    [Fact]
    public void AnUnknownCodeIsCaughtByTheCatchAllBoundary()
    {
        var run = Deploy("ErrorHandling").Start(Vars(("stock", 1)));

        run.ThrowBpmnError("charge", "TIMEOUT");

        Assert.Equal(["investigate"], run.ActiveElements);
    }

    [Fact]
    public void AnErrorEndEventInASubprocessReachesTheBoundaryOnTheSubprocess()
    {
        var run = Deploy("ErrorHandling").Start(Vars(("stock", 0)));

        run.CompleteExternalTask("charge");

        Assert.Equal(["reorder"], run.ActiveElements);
        Assert.Contains("noStock", run.History(HistoryEventKind.Completed));
        Assert.Contains("pick", run.History(HistoryEventKind.Cancelled));
    }

    [Fact]
    public void AnErrorNobodyCatchesRaisesAnIncidentAtTheThrowingEnd()
    {
        var run = Deploy("ErrorHandling").Start(Vars(("stock", -1)));

        run.CompleteExternalTask("charge");

        var incident = Assert.Single(run.EffectsOf<IncidentRaised>());
        Assert.Equal("otherError", incident.ElementId);
        Assert.Contains("OTHER", incident.Message);
        Assert.Equal(InstanceStatus.Active, run.State.Status);
    }
}
