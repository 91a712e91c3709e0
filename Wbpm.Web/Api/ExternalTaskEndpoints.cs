using System.Text.Json;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Web.Api;

/// <summary>Camunda-style external task workers (task.work).</summary>
internal static class ExternalTaskEndpoints
{
    public sealed record CompleteRequest(string WorkerId, Dictionary<string, JsonElement>? Variables);
    public sealed record FailureRequest(string WorkerId, string? ErrorMessage, int Retries, long RetryTimeout);
    public sealed record BpmnErrorRequest(string WorkerId, string ErrorCode, string? ErrorMessage, Dictionary<string, JsonElement>? Variables);
    public sealed record ExtendLockRequest(string WorkerId, long NewDuration);
    public sealed record RetriesRequest(int Retries);

    public static RouteGroupBuilder MapExternalTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/external-tasks").RequireAuthorization(Permission.TaskWork);
        tasks.MapPost("/fetch-and-lock", (ExternalTaskService service, FetchAndLockRequest request, CancellationToken ct) =>
                service.FetchAndLockAsync(request, ct))
            .WithName("FetchAndLockExternalTasks");
        tasks.MapPost("/{id}/complete", async (ExternalTaskService service, string id, CompleteRequest request, CancellationToken ct) =>
            {
                await service.CompleteAsync(id, request.WorkerId, request.Variables, ct);
                return TypedResults.NoContent();
            })
            .WithName("CompleteExternalTask").ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id}/failure", async (ExternalTaskService service, string id, FailureRequest request, CancellationToken ct) =>
            {
                await service.FailureAsync(id, request.WorkerId, request.ErrorMessage, request.Retries, request.RetryTimeout, ct);
                return TypedResults.NoContent();
            })
            .WithName("ReportExternalTaskFailure");
        tasks.MapPost("/{id}/bpmn-error", async (ExternalTaskService service, string id, BpmnErrorRequest request, CancellationToken ct) =>
            {
                await service.BpmnErrorAsync(id, request.WorkerId, request.ErrorCode, request.ErrorMessage, request.Variables, ct);
                return TypedResults.NoContent();
            })
            .WithName("ReportExternalTaskBpmnError");
        tasks.MapPost("/{id}/extend-lock", async (ExternalTaskService service, string id, ExtendLockRequest request, CancellationToken ct) =>
            {
                await service.ExtendLockAsync(id, request.WorkerId, request.NewDuration, ct);
                return TypedResults.NoContent();
            })
            .WithName("ExtendExternalTaskLock");
        // An operator's action, not a worker's: outside the task.work group.
        api.MapPost("/external-tasks/{id}/retries", async (ExternalTaskService service, string id, RetriesRequest request, CancellationToken ct) =>
            {
                await service.SetRetriesAsync(id, request.Retries, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetExternalTaskRetries").RequireAuthorization(Permission.OperationsManage);
        return api;
    }
}
