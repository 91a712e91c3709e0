namespace Wbpm.Tests.Support;

/// <summary>
/// A clock the test moves by hand. Only "now" is manual: delays and timers still run on real time (the base
/// class), so a polling loop keeps polling while the test decides what time it is.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
