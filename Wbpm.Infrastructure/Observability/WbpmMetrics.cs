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

    public WbpmMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _signInFailures = meter.CreateCounter<long>(
            "wbpm.auth.sign_in.failures", unit: "{failure}", description: "Failed sign-in attempts.");
        _lockouts = meter.CreateCounter<long>(
            "wbpm.auth.lockouts", unit: "{lockout}", description: "Accounts locked out after repeated failed sign-ins.");
    }

    // No user name or tenant tag on purpose: they are unbounded, and who failed belongs in the audit log.
    public void RecordSignInFailure() => _signInFailures.Add(1);

    public void RecordLockout() => _lockouts.Add(1);
}
