using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// The local job executor. One acquisition loop claims due jobs in batches into a small local queue; a fixed set
/// of workers runs them. The loop claims again once half a batch of room is free (so one acquisition serves many
/// jobs), at once while batches come back full or other nodes won some candidates, when <see cref="IJobWakeUp"/>
/// says a job is due now, and otherwise on a poll whose delay doubles while idle (never past the next due job).
/// On shutdown it stops claiming, releases the queued jobs that have not started, gives running jobs a grace
/// period, then cancels them (their locks are released without spending a retry).
/// A worker takes the queued jobs right behind the one it picks when they may share a commit (group commit,
/// <see cref="JobRunner.TryRunBatchAsync"/>), and runs them one by one when that commit fails.
/// </summary>
public sealed partial class JobExecutor : BackgroundService
{
    private readonly JobAcquisition _acquisition;
    private readonly JobRunner _runner;
    private readonly JobWakeUp _wakeUp;
    private readonly LocalJobHandOff _handOff;
    private readonly JobExecutorHeartbeat _heartbeat;
    private readonly JobExecutorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobExecutor> _logger;
    private readonly int _workers;
    private readonly int _capacity;
    // The acquisition loop claims once this much room is free (half a batch).
    private readonly int _refillAt;
    // Written by the acquisition loop and by commits handing their new instances' jobs over (LocalJobHandOff).
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>();
    // A finished job signals the loop, which claims more once enough room is free.
    private readonly Channel<bool> _roomFreed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _inFlight; // claimed by this executor and not yet finished: queued + running

    public JobExecutor(JobAcquisition acquisition, JobRunner runner, JobWakeUp wakeUp, LocalJobHandOff handOff, JobExecutorHeartbeat heartbeat,
        IOptions<JobExecutorOptions> options, WbpmDbContextFactory contexts, TimeProvider time, ILogger<JobExecutor> logger)
    {
        _acquisition = acquisition;
        _runner = runner;
        _wakeUp = wakeUp;
        _handOff = handOff;
        _heartbeat = heartbeat;
        _options = options.Value;
        _options.Validate();
        _time = time;
        _logger = logger;
        _workers = _options.WorkersFor(contexts.Provider);
        _capacity = _workers + _options.BatchSize;
        _refillAt = Math.Max(1, _options.BatchSize / 2);
        // Unique per executor: two executors on one node (or a restarted node) never mistake each other's locks.
        LockOwner = $"{_options.NodeId ?? Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string LockOwner { get; }

    internal TimeSpan LockDuration => _options.LockDuration;

    /// <summary>
    /// Takes room for a job a commit is about to hand over (<see cref="LocalJobHandOff"/>). Never the last
    /// <see cref="_refillAt"/> places: under a stream of new instances the hand-offs would otherwise keep the queue
    /// full, and due timers and the jobs of older instances, which only a claim brings in, would wait for a lull.
    /// </summary>
    internal bool TryReserve()
    {
        if (Interlocked.Increment(ref _inFlight) <= _capacity - _refillAt)
            return true;
        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    /// <summary>Queues a handed-over job, committed locked to this executor, for the workers.</summary>
    internal void Enqueue(Job job)
    {
        if (!_queue.Writer.TryWrite(job))
            Finished(1); // stopped meanwhile: the lock expires and another attempt claims it
    }

    /// <summary>Gives back the room of a job whose commit failed.</summary>
    internal void Unreserve() => Finished(1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
            _heartbeat.MarkDisabled();
        else
            _heartbeat.Beat(_time.GetUtcNow());
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
            return;
        await Task.Yield(); // let the host finish starting
        LogStarted(_logger, LockOwner, _workers);
        using var handlerStop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, _workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken, handlerStop.Token), CancellationToken.None)).ToList();
        _handOff.Open(this);
        try
        {
            await AcquireLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: fall through to drain the workers.
        }

        _handOff.Close();
        LogStopping(_logger, LockOwner, Volatile.Read(ref _inFlight));
        _queue.Writer.TryComplete();
        handlerStop.CancelAfter(_options.ShutdownGracePeriod);
        await Task.WhenAll(workers);
    }

    private async Task AcquireLoopAsync(CancellationToken stoppingToken)
    {
        var batch = _options.BatchSize; // never more than the capacity, which is the workers plus a batch
        var idleDelay = _options.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            _heartbeat.Beat(_time.GetUtcNow());
            var room = _capacity - Volatile.Read(ref _inFlight);
            if (room < _refillAt)
            {
                // The queue is still well stocked; bounded, so the heartbeat keeps beating during long jobs.
                await WaitAsync(_roomFreed.Reader, _options.MaxPollInterval, stoppingToken);
                continue;
            }

            var wanted = Math.Min(batch, room);
            var acquired = await AcquireAsync(wanted, stoppingToken);
            Interlocked.Add(ref _inFlight, acquired.Jobs.Count);
            foreach (var job in acquired.Jobs)
                _queue.Writer.TryWrite(job);

            if (acquired.Jobs.Count == wanted || acquired.LostRaces)
            {
                idleDelay = _options.PollInterval; // more is probably due: claim again as soon as there is room
                continue;
            }
            var delay = acquired.Jobs.Count > 0 ? _options.PollInterval : await IdleDelayAsync(idleDelay, stoppingToken);
            await WaitAsync(_wakeUp.Reader, delay, stoppingToken);
            idleDelay = acquired.Jobs.Count > 0 ? _options.PollInterval : Min(idleDelay * 2, _options.MaxPollInterval);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken, CancellationToken handlerStop)
    {
        var batch = new List<Job>(_options.CommitBatchSize);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!_queue.Reader.TryRead(out var first))
                continue;
            var after = TakeBatch(first, batch);
            if (batch.Count > 1 && !stoppingToken.IsCancellationRequested && await _runner.TryRunBatchAsync(batch, handlerStop))
                Finished(batch.Count);
            else
                foreach (var job in batch)
                    await RunOneAsync(job, stoppingToken, handlerStop);
            if (after is not null)
                await RunOneAsync(after, stoppingToken, handlerStop);
        }
    }

    /// <summary>
    /// Fills <paramref name="batch"/> with <paramref name="first"/> and the queued jobs right behind it that may share
    /// its commit (same tenant, another instance). Returns the first queued job that may not (this worker runs it
    /// after the batch), or null.
    /// </summary>
    private Job? TakeBatch(Job first, List<Job> batch)
    {
        batch.Clear();
        batch.Add(first);
        if (_options.CommitBatchSize == 1 || first.ProcessInstanceId is not { } firstInstance || !_runner.CanShareCommit(first))
            return null;
        var instances = new HashSet<string>(StringComparer.Ordinal) { firstInstance };
        while (batch.Count < _options.CommitBatchSize && _queue.Reader.TryRead(out var next))
        {
            var fits = next.TenantId == first.TenantId && _runner.CanShareCommit(next)
                && next.ProcessInstanceId is { } instance && instances.Add(instance);
            if (!fits)
                return next;
            batch.Add(next);
        }
        return null;
    }

    private async Task RunOneAsync(Job job, CancellationToken stoppingToken, CancellationToken handlerStop)
    {
        try
        {
            if (stoppingToken.IsCancellationRequested)
                await _runner.ReleaseAsync(job); // claimed but never started: give it back for other nodes
            else
                await _runner.RunAsync(job, handlerStop);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or InvalidOperationException)
        {
            // Recording the outcome failed (database gone): the lock expires and another attempt follows.
            LogRunFailed(_logger, e, job.Id);
        }
        finally
        {
            Finished(1);
        }
    }

    private void Finished(int jobs)
    {
        Interlocked.Add(ref _inFlight, -jobs);
        _roomFreed.Writer.TryWrite(true);
    }

    private async Task<AcquiredJobs> AcquireAsync(int wanted, CancellationToken stoppingToken)
    {
        try
        {
            return await _acquisition.AcquireAsync(LockOwner, wanted, _options.LockDuration, stoppingToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or InvalidOperationException)
        {
            // The database is unreachable or busy: keep the executor alive and try again at the next poll.
            LogAcquisitionFailed(_logger, e);
            return new AcquiredJobs([], 0);
        }
    }

    /// <summary>The idle backoff, cut short when a job becomes due earlier (a timer), so timers fire on time.</summary>
    private async Task<TimeSpan> IdleDelayAsync(TimeSpan backoff, CancellationToken stoppingToken)
    {
        try
        {
            if (await _acquisition.NextDueAsync(stoppingToken) is not { } next)
                return backoff;
            var untilDue = next - _time.GetUtcNow();
            return untilDue <= TimeSpan.Zero ? _options.PollInterval : Min(backoff, untilDue);
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            LogAcquisitionFailed(_logger, e);
            return backoff;
        }
    }

    /// <summary>Waits for a signal or the delay, whichever comes first (the signal is consumed).</summary>
    private async Task WaitAsync(ChannelReader<bool> signal, TimeSpan delay, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timeout = Task.Delay(delay, _time, waiting.Token);
        var signalled = signal.ReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(timeout, signalled);
        await waiting.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job executor {Owner} started with {Workers} workers.")]
    private static partial void LogStarted(ILogger logger, string owner, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job executor {Owner} stopping with {InFlight} jobs claimed.")]
    private static partial void LogStopping(ILogger logger, string owner, int inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job acquisition failed; retrying at the next poll.")]
    private static partial void LogAcquisitionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the outcome of job {JobId} failed; it runs again after its lock expires.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string jobId);
}
