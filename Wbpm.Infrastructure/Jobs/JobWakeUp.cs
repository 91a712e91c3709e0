using System.Threading.Channels;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// A one-slot signal: any number of notifications before the executor looks collapse into one wake-up, and a
/// notification sent while the executor is busy is kept until it next waits.
/// </summary>
public sealed class JobWakeUp : IJobWakeUp
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _signal.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => _signal.Reader;
}
