using Wbpm.Domain.Engine;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Work for an external worker (Camunda-style fetch-and-lock). The row lives while the engine waits; the worker's
/// lock (<see cref="WorkerId"/>, <see cref="LockExpiresAt"/>) is the concurrency token, so two workers never both
/// lock one task.
/// </summary>
public sealed class ExternalTask : ITenantOwned
{
    private ExternalTask() { Id = TenantId = ProcessInstanceId = ElementId = TokenId = Topic = DefinitionKey = ""; }

    public ExternalTask(ExternalTaskCreated created, ProcessInstance instance)
    {
        Id = created.ExternalTaskId;
        TenantId = instance.TenantId;
        ProcessInstanceId = instance.Id;
        DefinitionKey = instance.DefinitionKey;
        ElementId = created.ElementId;
        TokenId = created.TokenId;
        Topic = created.Topic;
        Retries = null;
        CreatedAt = created.CreatedAt;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string ProcessInstanceId { get; private set; }
    public string DefinitionKey { get; private set; }
    public string ElementId { get; private set; }
    public string TokenId { get; private set; }
    public string Topic { get; private set; }
    public string? WorkerId { get; private set; }
    public DateTimeOffset? LockExpiresAt { get; private set; }

    /// <summary>Null until a worker reports a failure (Camunda: retries are the worker's business).</summary>
    public int? Retries { get; private set; }

    public string? ErrorMessage { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>An operator's retry: unlocked and fetchable now with <paramref name="retries"/> attempts.</summary>
    public void SetRetries(int retries)
    {
        Retries = retries;
        WorkerId = null;
        LockExpiresAt = null;
    }

    public bool IsLockedBy(string workerId, DateTimeOffset now) => WorkerId == workerId && LockExpiresAt > now;

    public void ExtendLock(DateTimeOffset until) => LockExpiresAt = until;

    /// <summary>The worker gives up this attempt: unlocked, fetchable again after <paramref name="retryAt"/> while retries remain.</summary>
    public void Fail(string errorMessage, int retries, DateTimeOffset retryAt)
    {
        WorkerId = null;
        LockExpiresAt = retryAt;
        Retries = retries;
        ErrorMessage = errorMessage.Length <= 4000 ? errorMessage : errorMessage[..4000];
    }
}
