namespace Wbpm.Infrastructure.Jobs;

/// <summary>
/// Tells the local executor that a job is due now, so it starts without waiting for the next poll. Call it after
/// the commit that inserted the job (never before: the executor would not see the row yet).
/// </summary>
public interface IJobWakeUp
{
    void Notify();
}
