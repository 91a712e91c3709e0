using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>Cancels the BoundaryEvents scenario while the subprocess waits (tasks, subscriptions) and the EventSubProcesses scenario.</summary>
public sealed class CancelInstanceScenarioTests
{
    [Fact]
    public void CancellingClosesEveryWaitStateWithEffectsAndEndsTheInstance()
    {
        var run = Deploy("BoundaryEvents").Start(Vars(("orderId", "o-1")));
        run.CompleteTask("approve");

        run.Execute(new CancelInstance("customer left", "admin"));

        Assert.Equal(InstanceStatus.Cancelled, run.State.Status);
        Assert.Empty(run.OpenUserTasks);
        Assert.Empty(run.OpenSubscriptions);
        Assert.Empty(run.State.Tokens);
        Assert.Empty(run.State.Waits);
        Assert.Contains(run.LastEffects.OfType<HistoryEvent>(), h => h.ElementId == "doWork" && h.Kind == HistoryEventKind.Cancelled && h.User == "admin");
        Assert.Equal(InstanceStatus.Cancelled, Assert.Single(run.EffectsOf<InstanceEnded>()).Status);
    }

    [Fact]
    public void AnEndedInstanceRejectsFurtherCommands()
    {
        var run = Deploy("EventSubProcesses").Start();
        run.Execute(new CancelInstance());

        Assert.Throws<CommandRejectedException>(() => run.Execute(new CancelInstance()));
    }
}
