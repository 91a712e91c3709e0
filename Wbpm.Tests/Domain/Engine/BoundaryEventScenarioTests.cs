using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [approve] --------------------------> [ work: (s) --> [doWork] --> (e) ] --> (end)
///              |  (timer PT2H, interrupting) --> [escalated]   |  (message "cancel", interrupting) --> (cancelEnd)
///              |  (timer R2/PT30M, non-interr.) --> [reminder] |  (signal "ping", non-interrupting) --> [pong]
/// </code>
/// </summary>
public sealed class BoundaryEventScenarioTests
{
    [Fact]
    public void BoundaryTimersAreScheduledWhenTheTaskWaits()
    {
        var run = Deploy("BoundaryEvents").Start(Vars(("orderId", "o-1")));

        var jobs = run.OpenJobs.OrderBy(j => j.DueAt).ToList();
        Assert.Equal([("remind", run.Now.AddMinutes(30)), ("escalate", run.Now.AddHours(2))], jobs.Select(j => (j.ElementId, j.DueAt)));
    }

    [Fact]
    public void NonInterruptingCycleFiresTwiceAlongsideTheTaskThenTheInterruptingTimerCancelsIt()
    {
        var run = Deploy("BoundaryEvents").Start(Vars(("orderId", "o-1")));

        run.FireTimersAfter(TimeSpan.FromMinutes(30));
        Assert.Equal(["approve"], run.ActiveElements);
        run.FireTimersAfter(TimeSpan.FromMinutes(30));
        Assert.Equal(2, run.History(HistoryEventKind.Completed).Count(e => e == "reminder"));
        Assert.Equal("escalate", Assert.Single(run.OpenJobs).ElementId); // R2: no third reminder

        run.FireTimersAfter(TimeSpan.FromHours(1));

        Assert.Equal(["escalated"], run.ActiveElements);
        Assert.Contains(run.EffectsOf<UserTaskCancelled>(), c => c.ElementId == "approve");
        Assert.Contains("approve", run.History(HistoryEventKind.Cancelled));
    }

    [Fact]
    public void CompletingTheTaskCancelsItsBoundaryTimers()
    {
        var run = Deploy("BoundaryEvents").Start(Vars(("orderId", "o-1")));

        run.CompleteTask("approve");

        Assert.Equal(2, run.EffectsOf<JobCancelled>().Count);
        Assert.Equal(["doWork", "work"], run.ActiveElements);
        Assert.Equal(2, run.OpenSubscriptions.Count);
        Assert.Equal("o-1", run.OpenSubscriptions.Single(s => s.Name == "cancel").CorrelationKey);
    }

    [Fact]
    public void NonInterruptingSignalOnASubprocessKeepsItRunningAndCanHappenAgain()
    {
        var run = Deploy("BoundaryEvents").Start(Vars(("orderId", "o-1")));
        run.CompleteTask("approve");

        run.Signal("ping");
        run.Signal("ping");

        Assert.Equal(["doWork", "pong", "pong", "work"], run.ActiveElements);
    }

    [Fact]
    public void InterruptingMessageOnASubprocessCancelsEverythingInside()
    {
        var run = Deploy("BoundaryEvents").Start(Vars(("orderId", "o-1")));
        run.CompleteTask("approve");

        run.Correlate("cancel", "o-1");

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Contains(run.EffectsOf<UserTaskCancelled>(), c => c.ElementId == "doWork");
        Assert.Empty(run.OpenSubscriptions);
        Assert.Contains("cancelEnd", run.History(HistoryEventKind.Completed));
    }
}
