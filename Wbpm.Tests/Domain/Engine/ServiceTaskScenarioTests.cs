using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [compute: type=set, in rate=0.2, out total=amount*(1+rate)] --> [charge: type=external topic=payments] --> (end)
/// </code>
/// </summary>
public sealed class ServiceTaskScenarioTests
{
    [Fact]
    public void SetTaskEvaluatesItsMappingsInlineAndKeepsInputsLocal()
    {
        var run = Deploy("ServiceTasks").Start(Vars(("amount", 100)));

        Assert.Equal(120m, run.Variable("total").GetDecimal());
        Assert.False(run.HasVariable("rate"));
        Assert.Equal(["charge"], run.ActiveElements);
    }

    [Fact]
    public void ExternalTaskWaitsForTheWorkerAndTakesItsVariables()
    {
        var run = Deploy("ServiceTasks").Start(Vars(("amount", 100)));

        var external = run.OpenExternalTask("charge");
        Assert.Equal(("payments", 5, "R3/PT10S"), (external.Topic, external.Retries, external.RetryTimeCycle));

        run.CompleteExternalTask("charge", Vars(("receipt", "r-1")));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal("r-1", run.Variable("receipt").GetString());
    }
}
