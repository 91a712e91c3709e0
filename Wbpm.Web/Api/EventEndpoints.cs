using System.Text.Json;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Web.Api;

/// <summary>Messages and signals from outside (workflow.execute).</summary>
internal static class EventEndpoints
{
    public sealed record MessageRequest(string Name, string? CorrelationKey, Dictionary<string, JsonElement>? Variables);
    public sealed record SignalRequest(string Name, Dictionary<string, JsonElement>? Variables);

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/messages", (EventService events, MessageRequest request, CancellationToken ct) =>
                events.CorrelateMessageAsync(request.Name, request.CorrelationKey, request.Variables, ct))
            .RequireAuthorization(Permission.WorkflowExecute).WithName("CorrelateMessage")
            .WithSummary("Delivers a message to every waiting instance (by name and correlation key) and message start event; 404 when none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/signals", (EventService events, SignalRequest request, CancellationToken ct) =>
                events.BroadcastSignalAsync(request.Name, request.Variables, ct))
            .RequireAuthorization(Permission.WorkflowExecute).WithName("BroadcastSignal");
        return api;
    }
}
