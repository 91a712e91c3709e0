namespace Wbpm.Infrastructure.Jobs;

/// <summary>The executor's sign of life for /health/ready: it beats on every turn of its loop.</summary>
public sealed class JobExecutorHeartbeat
{
    private long _lastBeatTicks;

    public bool Disabled { get; private set; }

    public DateTimeOffset? LastBeat
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastBeatTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    internal void Beat(DateTimeOffset now) => Interlocked.Exchange(ref _lastBeatTicks, now.UtcTicks);

    internal void MarkDisabled() => Disabled = true;
}
