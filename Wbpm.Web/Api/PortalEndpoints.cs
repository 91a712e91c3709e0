using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Portal;

namespace Wbpm.Web.Api;

/// <summary>The requester portal (workflow.execute): what I may start, starting it, my requests, withdrawing one.</summary>
internal static class PortalEndpoints
{
    public static RouteGroupBuilder MapPortalEndpoints(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal").RequireAuthorization(Permission.WorkflowExecute);
        portal.MapGet("/processes", (RequestCatalogue catalogue, CancellationToken ct) => catalogue.ListAsync(ct))
            .WithName("ListStartableProcesses").WithSummary("The latest version of every process the caller may start.");
        portal.MapPost("/processes/{key}/start", async (RequestCatalogue catalogue, string key, StartRequestInput? request, CancellationToken ct) =>
            {
                var started = await catalogue.StartAsync(key, request ?? new StartRequestInput(null, null), ct);
                return TypedResults.Created($"/api/v1/portal/requests/{started.Id}", started);
            })
            .WithName("StartRequest").WithSummary("Starts a request; the business key is generated when none is given.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        portal.MapGet("/requests", (MyRequests requests, string? status, int? page, int? pageSize, CancellationToken ct) =>
                requests.ListAsync(new MyRequestQuery(status, page ?? 1, pageSize ?? 25), ct))
            .WithName("ListMyRequests");
        portal.MapGet("/requests/{id}", (MyRequests requests, string id, CancellationToken ct) => requests.GetAsync(id, ct))
            .WithName("GetMyRequest").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        portal.MapPost("/requests/{id}/withdraw", async (MyRequests requests, string id, CancellationToken ct) =>
            {
                await requests.WithdrawAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawMyRequest").WithSummary("Cancels a request the caller started, while the model allows it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
