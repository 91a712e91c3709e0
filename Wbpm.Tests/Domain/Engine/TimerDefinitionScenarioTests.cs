using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> (timeDate 2026-03-01T08:00Z) --> (timeDuration =duration("PT" + string(minutes) + "M")) --> (cron hourly) --> (end)
/// </code>
/// </summary>
public sealed class TimerDefinitionScenarioTests
{
    [Fact]
    public void DateFeelDurationAndCronTimersAreDueWhenTheirDefinitionsSay()
    {
        var run = Deploy("TimerKinds").Start(Vars(("minutes", 15)));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), Assert.Single(run.OpenJobs).DueAt);

        run.FireTimersAt(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(run.Now.AddMinutes(15), Assert.Single(run.OpenJobs).DueAt);

        run.FireTimersAfter(TimeSpan.FromMinutes(15));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), Assert.Single(run.OpenJobs).DueAt);

        run.FireTimersAfter(TimeSpan.FromMinutes(45));
        Assert.Equal(InstanceStatus.Completed, run.State.Status);
    }
}
