using Wbpm.Domain.Engine;
using Wbpm.Domain.Modeling;

namespace Wbpm.Tests.Domain.Engine;

public sealed class Iso8601TimerScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly Iso8601TimerSchedule _schedule = new(new EngineHarness.EveryHourCron());

    [Theory]
    [InlineData("PT15M", "2026-01-31T12:15:00Z")]
    [InlineData("P1DT2H", "2026-02-01T14:00:00Z")]
    [InlineData("P1M", "2026-02-28T12:00:00Z")]
    [InlineData("P1Y", "2027-01-31T12:00:00Z")]
    [InlineData("P2W", "2026-02-14T12:00:00Z")]
    [InlineData("PT1.5S", "2026-01-31T12:00:01.5Z")]
    public void DurationsAreAddedOnTheCalendar(string duration, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), _schedule.FirstDue(TimerKind.Duration, duration, Now)!.Due);
    }

    [Fact]
    public void ADateIsDueAtThatDateAndFiresOnce()
    {
        var due = _schedule.FirstDue(TimerKind.Date, "2026-03-01T08:00:00+01:00", Now)!;
        Assert.Equal((new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), (int?)0), (due.Due.ToUniversalTime(), due.RemainingRepetitions));
    }

    [Fact]
    public void ARepeatingIntervalCountsItsRepetitionsAndSpacesThemByTheDuration()
    {
        var first = _schedule.FirstDue(TimerKind.Cycle, "R3/PT10M", Now)!;
        Assert.Equal((Now.AddMinutes(10), (int?)2), (first.Due, first.RemainingRepetitions));
        Assert.Equal(Now.AddMinutes(20), _schedule.NextCycleDue("R3/PT10M", first.Due));
    }

    [Fact]
    public void ARepeatingIntervalWithAStartBeginsThereAndAnUnboundedOneNeverRunsOut()
    {
        var start = _schedule.FirstDue(TimerKind.Cycle, "R/2026-02-01T08:00:00Z/P1D", Now)!;
        Assert.Equal((new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero), (int?)null), (start.Due, start.RemainingRepetitions));
    }

    [Fact]
    public void ZeroRepetitionsNeverFire() => Assert.Null(_schedule.FirstDue(TimerKind.Cycle, "R0/PT1M", Now));

    [Fact]
    public void CronIsDelegatedToThePort()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 13, 0, 0, TimeSpan.Zero), _schedule.FirstDue(TimerKind.Cycle, "0 0 * * * ?", Now)!.Due);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 14, 0, 0, TimeSpan.Zero), _schedule.NextCycleDue("0 0 * * * ?", Now.AddHours(1)));
    }
}
