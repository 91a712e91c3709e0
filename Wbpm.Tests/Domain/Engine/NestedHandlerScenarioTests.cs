using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [each: external ||| over items] ---------> [ sub: (s) --> [call =childKey] --> (sEnd)
///              | error BAD --> [fixItems]                      | timer PT5M --> (error BAD)
///                                                          event subprocess: (error, catch-all) --> [apologise] ] --> (end)
/// </code>
/// </summary>
public sealed class NestedHandlerScenarioTests
{
    [Fact]
    public void AnErrorFromOneInnerInstanceReachesTheBoundaryOfTheMultiInstanceActivity()
    {
        var run = Deploy("NestedHandlers").Start(Vars(("items", new[] { 1, 2 }), ("childKey", "child")));
        var tasks = run.EffectsOf<ExternalTaskCreated>();
        Assert.Equal(2, tasks.Count);

        run.Execute(new ExternalTaskBpmnError(tasks[1].ExternalTaskId, "BAD"));

        Assert.Equal(["fixItems"], run.ActiveElements);
        Assert.Equal(tasks[0].ExternalTaskId, Assert.Single(run.EffectsOf<ExternalTaskCancelled>()).ExternalTaskId);
        Assert.DoesNotContain(run.State.Scopes, s => s.Kind is ScopeKind.MultiInstanceBody or ScopeKind.MultiInstanceInner);
    }

    [Fact]
    public void ATimerOnACallActivityCancelsTheChildAndAnErrorEventSubprocessInTheSubprocessCatchesTheError()
    {
        var run = Deploy("NestedHandlers").Start(Vars(("items", new[] { 1 }), ("childKey", "child")));
        run.CompleteExternalTask("each");
        var request = Assert.Single(run.EffectsOf<ChildInstanceRequested>());
        Assert.Equal("child", request.CalledElement);

        run.FireTimersAfter(TimeSpan.FromMinutes(5));

        Assert.Equal(request.CallId, Assert.Single(run.EffectsOf<ChildInstanceCancellationRequested>()).CallId);
        Assert.Equal(["apologise", "sub"], run.ActiveElements);

        run.CompleteTask("apologise");
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
    }
}
