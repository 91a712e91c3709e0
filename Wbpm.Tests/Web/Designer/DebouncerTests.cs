using Wbpm.Tests.Support;
using Wbpm.Web.Features.Designer;

namespace Wbpm.Tests.Web.Designer;

/// <summary>Autosave and validation run once after the edits stop, not once per edit.</summary>
public sealed class DebouncerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Fact]
    public void RunsOnceAfterTheQuietPeriodFollowingTheLastTrigger()
    {
        var clock = new ManualTimerClock(DateTimeOffset.UnixEpoch);
        var runs = 0;
        using var debouncer = new Debouncer(clock, Quiet, () => { runs++; return Task.CompletedTask; });

        for (var i = 0; i < 5; i++)
        {
            debouncer.Trigger();
            clock.Advance(TimeSpan.FromMilliseconds(100)); // edits keep coming before the quiet period ends
        }
        Assert.Equal(0, runs);

        clock.Advance(Quiet);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, runs);
    }

    [Fact]
    public void ACancelledOrDisposedDebouncerDoesNotRun()
    {
        var clock = new ManualTimerClock(DateTimeOffset.UnixEpoch);
        var runs = 0;
        var debouncer = new Debouncer(clock, Quiet, () => { runs++; return Task.CompletedTask; });
        debouncer.Trigger();
        debouncer.Cancel();
        clock.Advance(TimeSpan.FromSeconds(1));
        debouncer.Dispose();
        debouncer.Trigger();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, runs);
    }
}
