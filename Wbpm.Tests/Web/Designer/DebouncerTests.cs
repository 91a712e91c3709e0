using Wbpm.Tests.Support;
using Wbpm.Web.Features.Designer;

namespace Wbpm.Tests.Web.Designer;

/// <summary>Autosave and validation run once after the edits stop, not once per edit.</summary>
public sealed class DebouncerTests
{
    [Fact]
    public async Task RunsOnceAfterTheQuietPeriodFollowingTheLastTrigger()
    {
        var runs = 0;
        var ran = new TaskCompletionSource();
        using var debouncer = new Debouncer(TimeProvider.System, TimeSpan.FromMilliseconds(150), () =>
        {
            Interlocked.Increment(ref runs);
            ran.TrySetResult();
            return Task.CompletedTask;
        });

        for (var i = 0; i < 5; i++)
        {
            debouncer.Trigger();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task ACancelledOrDisposedDebouncerDoesNotRun()
    {
        var runs = 0;
        var debouncer = new Debouncer(TimeProvider.System, TimeSpan.FromMilliseconds(50), () => { runs++; return Task.CompletedTask; });
        debouncer.Trigger();
        debouncer.Cancel();
        debouncer.Dispose();
        debouncer.Trigger();

        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal(0, runs);
    }
}
