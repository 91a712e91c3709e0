namespace Wbpm.Domain.Jobs;

/// <summary>
/// What the engine (or any other scheduler) asks for when it schedules a job. <see cref="Retries"/> defaults to the
/// retry cycle's attempts; <see cref="RetryCycle"/> defaults to R3/PT10S.
/// </summary>
public sealed record NewJob(
    string Id,
    string TenantId,
    string Kind,
    DateTimeOffset Due,
    string? ProcessInstanceId = null,
    string? ElementId = null,
    string? TokenId = null,
    string? Payload = null,
    int Priority = 0,
    int? Retries = null,
    string? RetryCycle = null,
    bool Exclusive = true);
