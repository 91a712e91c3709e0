using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
///                  amount > 100 --> [large]
/// (start) --> &lt;X&gt; - amount > 10 --> [medium] --> (end)
///                  default      --> [small]
/// </code>
/// ExclusiveNoMatch: two conditions, no default.
/// </summary>
public sealed class ExclusiveGatewayScenarioTests
{
    [Theory]
    [InlineData(500, "large")]
    [InlineData(50, "medium")]
    [InlineData(5, "small")]
    public void TakesTheFirstTrueConditionInDocumentOrderElseTheDefault(int amount, string expected)
    {
        var run = Deploy("ExclusiveChoice").Start(Vars(("amount", amount)));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal(["start", "xor", expected, "end"], run.History(HistoryEventKind.Started));
    }

    [Fact]
    public void NoTrueConditionAndNoDefaultRaisesAnIncidentThatCanBeResolved()
    {
        var run = Deploy("ExclusiveNoMatch").Start(Vars(("amount", 1)));

        Assert.Equal(InstanceStatus.Active, run.State.Status);
        var incident = Assert.Single(run.EffectsOf<IncidentRaised>());
        Assert.Equal("xor", incident.ElementId);
        Assert.True(run.State.HasIncident);

        run.Execute(new SetVariables(Vars(("amount", 60))));
        run.Execute(new ResolveIncident(incident.IncidentId));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Single(run.EffectsOf<IncidentResolved>());
        Assert.Single(run.History(HistoryEventKind.Started), "xor"); // resolving repeats the decision, not the entry
    }
}
