using System.Text.Json;
using Wbpm.Domain.Jobs;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Job kinds of the runtime besides the engine's own (<see cref="JobKinds"/>): the outbox of effects that touch other
/// instances (written in the instance's transaction, delivered by a handler, so a crash loses nothing) and timer
/// start events.
/// </summary>
public static class RuntimeJobKinds
{
    public const string PublishMessage = "publish-message";
    public const string BroadcastSignal = "broadcast-signal";
    public const string StartChild = "start-child";
    public const string CancelChild = "cancel-child";
    public const string NotifyParent = "notify-parent";
    public const string TimerStart = "timer-start";
}

public sealed record PublishMessagePayload(string Name, string? CorrelationKey, Dictionary<string, JsonElement> Variables);

public sealed record BroadcastSignalPayload(string Name, Dictionary<string, JsonElement> Variables);

public sealed record StartChildPayload(string ParentInstanceId, string CallId, string CalledElement, string? BusinessKey,
    Dictionary<string, JsonElement> Variables);

public sealed record CancelChildPayload(string ParentInstanceId, string CallId);

public sealed record NotifyParentPayload(string ParentInstanceId, string CallId, string ChildInstanceId,
    Dictionary<string, JsonElement> Variables, string? ErrorCode, string? ErrorMessage);

/// <param name="RemainingRepetitions">For cycles: firings still owed after this one (null = forever).</param>
/// <param name="Cycle">The cycle to reschedule with; null for a date or duration (fires once).</param>
public sealed record TimerStartPayload(string DefinitionId, string DefinitionKey, string StartEventId, string? Cycle, int? RemainingRepetitions);

/// <summary>Payload (de)serialisation for the runtime's jobs: one JSON shape per kind.</summary>
public static class JobPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    public static T Read<T>(Job job) =>
        JsonSerializer.Deserialize<T>(job.Payload ?? throw new InvalidOperationException($"Job '{job.Id}' ({job.Kind}) has no payload."), Options)
        ?? throw new InvalidOperationException($"Job '{job.Id}' ({job.Kind}) has an empty payload.");

    /// <summary>A job due now that no instance serialises (outbox delivery, started by the post-commit wake-up).</summary>
    public static Job Outbox(string tenantId, string kind, string? instanceId, string payload, DateTimeOffset now) =>
        new(new NewJob(Guid.CreateVersion7().ToString("N"), tenantId, kind, now, instanceId, Payload: payload), now);
}
