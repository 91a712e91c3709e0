using Wbpm.Domain.Engine;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [compute: asyncBefore, asyncAfter, set done = true] --> (end)
/// </code>
/// </summary>
public sealed class AsyncContinuationScenarioTests
{
    [Fact]
    public void AsyncBeforeAndAfterEachStopAtAJobThatRunJobContinues()
    {
        var run = EngineHarness.Deploy("AsyncContinuations").Start();
        var before = Assert.Single(run.OpenJobs);
        Assert.Equal((JobKind.AsyncBefore, "compute", 5, "R5/PT1M"), (before.Kind, before.ElementId, before.Retries, before.RetryTimeCycle));
        Assert.Equal(run.Now, before.DueAt);
        Assert.False(run.HasVariable("done"));

        run.Execute(new Wbpm.Domain.Runtime.RunJob(before.JobId));
        var after = Assert.Single(run.OpenJobs);
        Assert.Equal(JobKind.AsyncAfter, after.Kind);
        Assert.True(run.Variable("done").GetBoolean());
        Assert.Equal(["compute"], run.ActiveElements);

        run.Execute(new Wbpm.Domain.Runtime.RunJob(after.JobId));
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
    }
}
