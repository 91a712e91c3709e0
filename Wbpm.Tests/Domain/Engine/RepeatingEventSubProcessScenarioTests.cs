using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [ sub: (s) --> [work] --> (e)
///               event subprocesses: hourly (timer R2/PT1H, non-interrupting) --> (end)
///                                   notes (message "note", key =caseId, non-interrupting) --> (end) ] --> (end)
/// </code>
/// </summary>
public sealed class RepeatingEventSubProcessScenarioTests
{
    [Fact]
    public void ANonInterruptingTimerCycleStartsTheEventSubprocessOncePerRepetition()
    {
        var run = Deploy("RepeatingEventSubProcess").Start(Vars(("caseId", "c-1")));

        run.FireTimersAfter(TimeSpan.FromHours(1));
        run.FireTimersAfter(TimeSpan.FromHours(1));
        run.FireTimersAfter(TimeSpan.FromHours(1));

        Assert.Equal(2, run.History(HistoryEventKind.Completed).Count(e => e == "hourly"));
        Assert.Empty(run.OpenJobs);
        Assert.Equal(["sub", "work"], run.ActiveElements);
    }

    [Fact]
    public void ANonInterruptingMessageStartKeepsListeningUntilItsScopeEnds()
    {
        var run = Deploy("RepeatingEventSubProcess").Start(Vars(("caseId", "c-1")));
        Assert.Equal("c-1", Assert.Single(run.OpenSubscriptions).CorrelationKey);

        run.Correlate("note", "c-1");
        run.Correlate("note", "c-1");
        Assert.Equal(2, run.History(HistoryEventKind.Completed).Count(e => e == "notes"));

        run.CompleteTask("work");

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Empty(run.OpenSubscriptions);
        Assert.Empty(run.OpenJobs);
    }
}
