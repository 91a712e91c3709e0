using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [script: a + b, result variable sum] --> (end)
/// </code>
/// The engine never runs the script: it schedules a Script job; the job handler runs it and returns the result.
/// </summary>
public sealed class ScriptTaskScenarioTests
{
    [Fact]
    public void AScriptTaskWaitsForItsJobAndTakesTheResultItReturns()
    {
        var run = Deploy("ScriptTaskJob").Start(Vars(("a", 1), ("b", 2)));
        var job = Assert.Single(run.OpenJobs);
        Assert.Equal((JobKind.Script, "script"), (job.Kind, job.ElementId));
        Assert.Equal(["script"], run.ActiveElements);

        run.RunAsyncJobs(scriptResult: Vars(("sum", 3)));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal(3, run.Variable("sum").GetInt32());
    }
}
