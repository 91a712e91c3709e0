using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// The application's own instruments (meter "Wbpm"). Created through <see cref="IMeterFactory"/> so the meter
/// belongs to the host's container, is disposed with it, and is told apart from other hosts' meters in tests.
/// </summary>
public sealed class WbpmMetrics
{
    public const string MeterName = "Wbpm";

    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _jobsExecuted;
    private readonly Counter<long> _jobsFailed;
    private readonly Counter<long> _jobConflicts;
    private readonly Counter<long> _jobsAcquired;
    private readonly Histogram<double> _jobAcquisitionDuration;

    public WbpmMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _signInFailures = meter.CreateCounter<long>(
            "wbpm.auth.sign_in.failures", unit: "{failure}", description: "Failed sign-in attempts.");
        _lockouts = meter.CreateCounter<long>(
            "wbpm.auth.lockouts", unit: "{lockout}", description: "Accounts locked out after repeated failed sign-ins.");
        _jobsExecuted = meter.CreateCounter<long>(
            "wbpm.jobs.executed", unit: "{job}", description: "Jobs whose handler succeeded and whose completion committed.");
        _jobsFailed = meter.CreateCounter<long>(
            "wbpm.jobs.failed", unit: "{job}", description: "Failed job attempts (a retry spent, or an incident raised).");
        _jobConflicts = meter.CreateCounter<long>(
            "wbpm.jobs.conflicts", unit: "{job}", description: "Job attempts released after a concurrency conflict (no retry spent).");
        _jobsAcquired = meter.CreateCounter<long>(
            "wbpm.jobs.acquired", unit: "{job}", description: "Jobs claimed by this node's executor.");
        _jobAcquisitionDuration = meter.CreateHistogram<double>(
            "wbpm.jobs.acquisition.duration", unit: "s", description: "Time one acquisition (select, claim, read back) took.");
    }

    // No user name or tenant tag on purpose: they are unbounded, and who failed belongs in the audit log.
    public void RecordSignInFailure() => _signInFailures.Add(1);

    public void RecordLockout() => _lockouts.Add(1);

    // The kind tag is bounded: the executor passes only kinds that have a registered handler (else "unknown").
    public void RecordJobExecuted(string kind) => _jobsExecuted.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RecordJobFailed(string kind) => _jobsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RecordJobConflict(string kind) => _jobConflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RecordJobAcquisition(TimeSpan duration, int claimed)
    {
        _jobAcquisitionDuration.Record(duration.TotalSeconds);
        if (claimed > 0)
            _jobsAcquired.Add(claimed);
    }
}
