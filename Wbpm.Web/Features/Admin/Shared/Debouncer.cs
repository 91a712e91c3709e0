namespace Wbpm.Web.Features.Admin.Shared;

/// <summary>
/// Runs the last of a burst of calls after a quiet period, so a search box queries the database once a person
/// pauses typing instead of on every key stroke.
/// </summary>
public sealed class Debouncer(TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _pending;

    public async Task RunAsync(Func<Task> action)
    {
        _pending?.Cancel();
        _pending?.Dispose();
        var current = _pending = new CancellationTokenSource();
        try
        {
            await Task.Delay(delay, current.Token);
        }
        catch (OperationCanceledException)
        {
            return; // a newer call superseded this one
        }
        await action();
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
