using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [work] --> &lt;X&gt; -default-> (end)
///                             -fail-> (error FAIL)
/// event subprocesses: onCancel (message "cancel", interrupting) --> [cleanUp]
///                     onTimer (PT1H, non-interrupting) --> [nudge]
///                     onAudit (signal "audit", non-interrupting) --> (end)
///                     onError (error FAIL, failure = code) --> [handle]
/// </code>
/// </summary>
public sealed class EventSubProcessScenarioTests
{
    [Fact]
    public void EventSubprocessStartsListenWhileTheProcessRuns()
    {
        var run = Deploy("EventSubProcesses").Start();

        Assert.Equal(["cancel", "audit"], run.OpenSubscriptions.Select(s => s.Name));
        Assert.Equal("timerStart", Assert.Single(run.OpenJobs).ElementId);
        Assert.All(run.OpenSubscriptions, s => Assert.Null(s.TokenId));
    }

    [Fact]
    public void ANonInterruptingTimerStartRunsAlongsideAndTheProcessWaitsForIt()
    {
        var run = Deploy("EventSubProcesses").Start(Vars(("fail", false)));

        run.FireTimersAfter(TimeSpan.FromHours(1));
        Assert.Equal(["nudge", "work"], run.ActiveElements);

        run.CompleteTask("work");
        Assert.Equal(["nudge"], run.ActiveElements);
        Assert.Equal(InstanceStatus.Active, run.State.Status);

        run.CompleteTask("nudge");
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Empty(run.OpenSubscriptions);
    }

    [Fact]
    public void ANonInterruptingSignalStartCanHappenRepeatedly()
    {
        var run = Deploy("EventSubProcesses").Start();

        run.Signal("audit");
        run.Signal("audit");

        Assert.Equal(2, run.History(HistoryEventKind.Completed).Count(e => e == "onAudit"));
        Assert.Equal(["work"], run.ActiveElements);
    }

    [Fact]
    public void AnInterruptingMessageStartCancelsTheProcessWorkAndItsOtherListeners()
    {
        var run = Deploy("EventSubProcesses").Start();

        run.Correlate("cancel");

        Assert.Equal(["cleanUp"], run.ActiveElements);
        Assert.Contains(run.EffectsOf<UserTaskCancelled>(), c => c.ElementId == "work");
        Assert.Empty(run.OpenSubscriptions);
        Assert.Empty(run.OpenJobs);

        run.CompleteTask("cleanUp");
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
    }

    [Fact]
    public void AnErrorEndIsCaughtByTheErrorEventSubprocess()
    {
        var run = Deploy("EventSubProcesses").Start(Vars(("fail", true)));

        run.CompleteTask("work");

        Assert.Equal(["handle"], run.ActiveElements);
        Assert.Equal("FAIL", run.Variable("failure").GetString());
    }
}
