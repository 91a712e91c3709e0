using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// parent: (start) --> [call CallActivityChild: in value=amount, doubled=amount*2; out childResult=result] --> (end)
///                      | error CHILD_FAILED --> [repair]
/// child:  (start) --> &lt;X&gt; -default-> [compute: result = value + doubled] --> (end)
///                      -value &lt; 0-> (error CHILD_FAILED)
/// </code>
/// The test plays the infrastructure: it starts the child from ChildInstanceRequested and reports its end.
/// </summary>
public sealed class CallActivityScenarioTests
{
    [Fact]
    public void TheParentWaitsForTheChildAndMapsVariablesInAndOut()
    {
        var parent = Deploy("CallActivityParent").Start(Vars(("amount", 5)), businessKey: "bk");
        var request = Assert.Single(parent.EffectsOf<ChildInstanceRequested>());
        Assert.Equal(("CallActivityChild", "latest", "bk"), (request.CalledElement, request.Binding, request.BusinessKey));
        Assert.Equal(["call"], parent.ActiveElements);

        var child = Deploy("CallActivityChild").Start(request.Variables, parent: new ParentCall(parent.State.InstanceId, request.CallId));
        Assert.Equal(InstanceStatus.Completed, child.State.Status);

        parent.Execute(new ChildInstanceEnded(request.CallId, child.State.ProcessVariables));

        Assert.Equal(InstanceStatus.Completed, parent.State.Status);
        Assert.Equal(15, parent.Variable("childResult").GetInt32());
        Assert.False(parent.HasVariable("result"));
    }

    [Fact]
    public void AnErrorTheChildDoesNotCatchReachesTheErrorBoundaryOfTheCallActivity()
    {
        var parent = Deploy("CallActivityParent").Start(Vars(("amount", -1)));
        var request = parent.EffectsOf<ChildInstanceRequested>()[0];

        var child = Deploy("CallActivityChild").Start(request.Variables, parent: new ParentCall(parent.State.InstanceId, request.CallId));
        var ended = Assert.Single(child.EffectsOf<InstanceEnded>());
        Assert.Equal(("CHILD_FAILED", InstanceStatus.Terminated), (ended.ErrorCode, ended.Status));
        Assert.Empty(child.EffectsOf<IncidentRaised>());

        parent.Execute(new ChildInstanceEnded(request.CallId, ErrorCode: ended.ErrorCode));

        Assert.Equal(["repair"], parent.ActiveElements);
    }

    [Fact]
    public void CancellingTheParentAsksToCancelTheChild()
    {
        var parent = Deploy("CallActivityParent").Start(Vars(("amount", 1)));

        parent.Execute(new CancelInstance());

        Assert.Equal(parent.EffectsOf<ChildInstanceRequested>()[0].CallId, Assert.Single(parent.EffectsOf<ChildInstanceCancellationRequested>()).CallId);
    }

    [Fact]
    public void AChildErrorWithoutAMatchingBoundaryIsAnIncidentWhoseResolutionCallsTheChildAgain()
    {
        var parent = Deploy("CallActivityParent").Start(Vars(("amount", 1)));
        var first = parent.EffectsOf<ChildInstanceRequested>()[0];

        parent.Execute(new ChildInstanceEnded(first.CallId, ErrorCode: "SOMETHING_ELSE"));
        var incident = Assert.Single(parent.State.Incidents);
        Assert.Equal("call", incident.ElementId);

        parent.Execute(new ResolveIncident(incident.Id));

        var second = parent.EffectsOf<ChildInstanceRequested>()[1];
        Assert.NotEqual(first.CallId, second.CallId);
        Assert.Equal(["call"], parent.ActiveElements);
    }
}
