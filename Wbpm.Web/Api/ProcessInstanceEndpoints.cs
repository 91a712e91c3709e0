using System.Text.Json;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Web.Api;

/// <summary>Starting instances (workflow.execute) and operating them (operations.view / operations.manage).</summary>
internal static class ProcessInstanceEndpoints
{
    public sealed record CancelRequest(string? Reason);

    public static RouteGroupBuilder MapProcessInstanceEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/process-definitions/key/{key}/start", async (ProcessInstanceService instances, string key, StartInstanceRequest? request, CancellationToken ct) =>
            {
                var started = await instances.StartByKeyAsync(key, request ?? new StartInstanceRequest(null, null), ct);
                return TypedResults.Created($"/api/v1/process-instances/{started.Id}", started);
            })
            .RequireAuthorization(Permission.WorkflowExecute)
            .WithName("StartProcessInstance").WithSummary("Starts the latest version of the key.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var group = api.MapGroup("/process-instances");
        group.MapGet("/", (ProcessInstanceService instances, string? definitionKey, string? status, string? businessKey, int? page, int? pageSize, CancellationToken ct) =>
                instances.ListAsync(new InstanceQuery(definitionKey, status, businessKey, page ?? 1, pageSize ?? 50), ct))
            .RequireAuthorization(Permission.OperationsView).WithName("ListProcessInstances");
        group.MapGet("/{id}", (ProcessInstanceService instances, string id, CancellationToken ct) => instances.GetAsync(id, ct))
            .RequireAuthorization(Permission.OperationsView).WithName("GetProcessInstance").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/history", (ProcessInstanceService instances, string id, CancellationToken ct) => instances.HistoryAsync(id, ct))
            .RequireAuthorization(Permission.OperationsView).WithName("GetProcessInstanceHistory").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/cancel", async (ProcessInstanceService instances, string id, CancelRequest? request, CancellationToken ct) =>
            {
                await instances.CancelAsync(id, request?.Reason, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permission.OperationsManage).WithName("CancelProcessInstance").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id}/variables", async (ProcessInstanceService instances, string id, Dictionary<string, JsonElement> variables, CancellationToken ct) =>
            {
                await instances.SetVariablesAsync(id, variables, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permission.OperationsManage).WithName("SetProcessInstanceVariables");
        group.MapPost("/{id}/incidents/{incidentId}/resolve", async (ProcessInstanceService instances, string id, string incidentId, CancellationToken ct) =>
            {
                await instances.ResolveIncidentAsync(id, incidentId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permission.OperationsManage).WithName("ResolveProcessInstanceIncident")
            .WithSummary("Repeats the step that raised an engine incident (fix its cause first, e.g. PATCH the variables).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
