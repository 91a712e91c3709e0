using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [count: n = n + 1] --> &lt;X&gt; -- n &lt; 0 --> (end)
///                  ^------- default ----/
/// </code>
/// </summary>
public sealed class StepBudgetScenarioTests
{
    [Fact]
    public void ARunawayLoopStopsAtTheBudgetWithAnIncidentAndAConsistentActiveInstance()
    {
        var run = Deploy("RunawayLoop");
        run.StepBudget = 200;
        run.Start(Vars(("n", 0)));

        Assert.Equal(InstanceStatus.Active, run.State.Status);
        var incident = Assert.Single(run.EffectsOf<IncidentRaised>());
        Assert.Contains("step budget", incident.Message);
        var token = Assert.Single(run.State.Tokens);
        Assert.Equal(TokenState.Incident, token.State);
        Assert.InRange(run.Variable("n").GetInt32(), 50, 200);

        // The stored state resumes: resolving runs another budget's worth and stops again.
        run.Execute(new Wbpm.Domain.Runtime.ResolveIncident(incident.IncidentId));
        Assert.Equal(2, run.EffectsOf<IncidentRaised>().Count);
        Assert.Single(run.State.Incidents);
    }
}
