using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wbpm.Domain.Jobs;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// The local job executor: claims batches of due jobs sized to its free workers and runs each on its own task.
/// It acquires again at once while batches come back full, is woken by <see cref="IJobWakeUp"/> after commits that
/// create due jobs, and otherwise polls with a delay that doubles while idle (never past the next due job).
/// On shutdown it stops acquiring, gives running jobs a grace period, then cancels them (their locks are released).
/// </summary>
public sealed partial class JobExecutor : BackgroundService
{
    private readonly JobAcquisition _acquisition;
    private readonly JobRunner _runner;
    private readonly JobWakeUp _wakeUp;
    private readonly JobExecutorHeartbeat _heartbeat;
    private readonly JobExecutorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobExecutor> _logger;
    private readonly int _workers;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public JobExecutor(JobAcquisition acquisition, JobRunner runner, JobWakeUp wakeUp, JobExecutorHeartbeat heartbeat,
        IOptions<JobExecutorOptions> options, WbpmDbContextFactory contexts, TimeProvider time, ILogger<JobExecutor> logger)
    {
        _acquisition = acquisition;
        _runner = runner;
        _wakeUp = wakeUp;
        _heartbeat = heartbeat;
        _options = options.Value;
        _options.Validate();
        _time = time;
        _logger = logger;
        _workers = _options.WorkersFor(contexts.Provider);
        // Unique per executor: two executors on one node (or a restarted node) never mistake each other's locks.
        LockOwner = $"{_options.NodeId ?? Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string LockOwner { get; }

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
        using var freeWorkers = new SemaphoreSlim(_workers, _workers);
        var idleDelay = _options.PollInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                _heartbeat.Beat(_time.GetUtcNow());
                // Bounded wait, so the heartbeat keeps beating while every worker is busy with a long job.
                if (!await freeWorkers.WaitAsync(_options.MaxPollInterval, stoppingToken))
                    continue;
                var slots = 1;
                while (slots < Math.Min(_options.BatchSize, _workers) && freeWorkers.Wait(0))
                    slots++;

                var jobs = await AcquireAsync(slots, stoppingToken);
                if (slots > jobs.Count)
                    freeWorkers.Release(slots - jobs.Count);
                foreach (var job in jobs)
                    Start(job, freeWorkers, handlerStop.Token);

                if (jobs.Count == slots)
                {
                    idleDelay = _options.PollInterval; // a full batch: more are probably due
                    continue;
                }
                var delay = jobs.Count > 0 ? _options.PollInterval : await IdleDelayAsync(idleDelay, stoppingToken);
                await WaitForWorkAsync(delay, stoppingToken);
                idleDelay = jobs.Count > 0 ? _options.PollInterval : Min(idleDelay * 2, _options.MaxPollInterval);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: fall through to drain the running jobs.
        }

        LogStopping(_logger, LockOwner, _running.Count);
        handlerStop.CancelAfter(_options.ShutdownGracePeriod);
        await Task.WhenAll(_running.Values);
    }

    private async Task<IReadOnlyList<Job>> AcquireAsync(int slots, CancellationToken stoppingToken)
    {
        try
        {
            return await _acquisition.AcquireAsync(LockOwner, slots, _options.LockDuration, stoppingToken);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or InvalidOperationException)
        {
            // The database is unreachable or busy: keep the executor alive and try again at the next poll.
            LogAcquisitionFailed(_logger, e);
            return [];
        }
    }

    private void Start(Job job, SemaphoreSlim freeWorkers, CancellationToken handlerStop)
    {
        _running[job.Id] = Task.Run(async () =>
        {
            try
            {
                await _runner.RunAsync(job, handlerStop);
            }
            catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or InvalidOperationException)
            {
                // Recording the outcome failed (database gone): the lock expires and another attempt follows.
                LogRunFailed(_logger, e, job.Id);
            }
            finally
            {
                _running.TryRemove(job.Id, out _);
                freeWorkers.Release();
            }
        }, CancellationToken.None);
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

    private async Task WaitForWorkAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timeout = Task.Delay(delay, _time, waiting.Token);
        var wokenUp = _wakeUp.WaitAsync(waiting.Token);
        await Task.WhenAny(timeout, wokenUp);
        await waiting.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job executor {Owner} started with {Workers} workers.")]
    private static partial void LogStarted(ILogger logger, string owner, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job executor {Owner} stopping; waiting for {Running} running jobs.")]
    private static partial void LogStopping(ILogger logger, string owner, int running);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job acquisition failed; retrying at the next poll.")]
    private static partial void LogAcquisitionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the outcome of job {JobId} failed; it runs again after its lock expires.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string jobId);
}
