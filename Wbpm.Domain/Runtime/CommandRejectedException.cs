namespace Wbpm.Domain.Runtime;

/// <summary>
/// The command does not apply to the instance as it is now (task already completed, job no longer exists, instance
/// ended ...). Nothing changed; the infrastructure answers with a conflict or drops a stale job.
/// </summary>
public sealed class CommandRejectedException(string message) : Exception(message);
