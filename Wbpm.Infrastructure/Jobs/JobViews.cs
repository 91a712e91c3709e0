using Wbpm.Domain.Jobs;

namespace Wbpm.Infrastructure.Jobs;

public sealed record JobView(
    string Id, string? ProcessInstanceId, string Kind, string? ElementId, DateTimeOffset Due, int Priority, int RetriesLeft,
    string RetryCycle, string? LockOwner, DateTimeOffset? LockExpiresAt, string? LastError, bool Exclusive, DateTimeOffset CreatedAt);

public sealed record IncidentView(
    string Id, string? JobId, string? ProcessInstanceId, string? ElementId, string Message, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy);

/// <summary>Filters of the incident list; <see cref="Status"/> is "open" or "resolved" (any when null).</summary>
public sealed record IncidentQuery(string? ProcessInstanceId = null, string? Status = null, int Take = 100)
{
    public IncidentStatus? ParsedStatus() => Status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "open" => IncidentStatus.Open,
        "resolved" => IncidentStatus.Resolved,
        _ => throw Domain.Security.ValidationException.For("status", $"Unknown incident status '{Status}': use open or resolved."),
    };
}
