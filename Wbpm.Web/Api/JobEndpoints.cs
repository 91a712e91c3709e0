using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Jobs;

namespace Wbpm.Web.Api;

/// <summary>Jobs and incidents of the tenant (operations.view to read, operations.manage to act); the service checks again.</summary>
internal static class JobEndpoints
{
    public sealed record RetriesRequest(int Retries);

    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", (JobOperations jobs, string? processInstanceId, int? take, CancellationToken ct) =>
                jobs.ListJobsAsync(processInstanceId, take ?? 100, ct))
            .RequireAuthorization(Permission.OperationsView);
        api.MapPost("/jobs/{id}/retries", async (JobOperations jobs, string id, RetriesRequest request, CancellationToken ct) =>
            {
                await jobs.SetRetriesAsync(id, request.Retries, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permission.OperationsManage);
        api.MapGet("/incidents", (JobOperations jobs, string? processInstanceId, string? status, int? take, CancellationToken ct) =>
                jobs.ListIncidentsAsync(new IncidentQuery(processInstanceId, status, take ?? 100), ct))
            .RequireAuthorization(Permission.OperationsView);
        api.MapPost("/incidents/{id}/resolve", async (JobOperations jobs, string id, CancellationToken ct) =>
            {
                await jobs.ResolveIncidentAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Permission.OperationsManage);
        return api;
    }
}
