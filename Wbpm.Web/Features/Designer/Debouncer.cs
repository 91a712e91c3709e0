namespace Wbpm.Web.Features.Designer;

/// <summary>
/// Runs an action once activity has been quiet for a while (autosave 3 s after the last edit, validation sooner).
/// Each <see cref="Trigger"/> restarts the wait. Uses the injected TimeProvider so tests can drive it.
/// </summary>
public sealed class Debouncer(TimeProvider clock, TimeSpan quietPeriod, Func<Task> action) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    public void Trigger()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _timer?.Dispose();
            _timer = clock.CreateTimer(_ => _ = action(), null, quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    public void Cancel()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
