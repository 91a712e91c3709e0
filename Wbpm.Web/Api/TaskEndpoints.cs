using System.Text.Json;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Runtime.Comments;

namespace Wbpm.Web.Api;

/// <summary>User tasks (task.work; assigning others and working any task needs task.manage, checked by the service).</summary>
internal static class TaskEndpoints
{
    public sealed record ClaimRequest(string? UserId);
    public sealed record DelegateRequest(string UserId);
    /// <param name="Outcome">The label of the form's outcome (docs/forms.md); sets the outcome's variable.</param>
    public sealed record CompleteRequest(Dictionary<string, JsonElement>? Variables, string? Outcome = null);
    public sealed record CommentRequest(string? Text);

    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").RequireAuthorization(Permission.TaskWork);
        tasks.MapGet("/", (TaskService service, string? assignee, string? candidateGroup, string? processInstanceId, string? state, int? take, CancellationToken ct) =>
                service.ListAsync(new TaskQuery(assignee, candidateGroup, processInstanceId, state, take ?? 200), ct))
            .WithName("ListTasks");
        tasks.MapGet("/{id}", (TaskService service, string id, CancellationToken ct) => service.GetAsync(id, ct))
            .WithName("GetTask").ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("/{id}/claim", async (TaskService service, string id, ClaimRequest? request, CancellationToken ct) =>
            {
                await service.ClaimAsync(id, request?.UserId, ct);
                return TypedResults.NoContent();
            })
            .WithName("ClaimTask").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        tasks.MapPost("/{id}/unclaim", async (TaskService service, string id, CancellationToken ct) =>
            {
                await service.UnclaimAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnclaimTask");
        tasks.MapPost("/{id}/delegate", async (TaskService service, string id, DelegateRequest request, CancellationToken ct) =>
            {
                await service.DelegateAsync(id, request.UserId, ct);
                return TypedResults.NoContent();
            })
            .WithName("DelegateTask");
        tasks.MapPost("/{id}/complete", async (TaskService service, string id, CompleteRequest? request, CancellationToken ct) =>
            {
                await service.CompleteAsync(id, request?.Variables, request?.Outcome, ct);
                return TypedResults.NoContent();
            })
            .WithName("CompleteTask").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tasks.MapGet("/{id}/comments", (TaskCommentService comments, string id, CancellationToken ct) => comments.ListAsync(id, ct))
            .WithName("ListTaskComments").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        tasks.MapPost("/{id}/comments", async (TaskCommentService comments, string id, CommentRequest request, CancellationToken ct) =>
            {
                var comment = await comments.AddAsync(id, request.Text, ct);
                return TypedResults.Created($"/api/v1/tasks/{id}/comments/{comment.Id}", comment);
            })
            .WithName("AddTaskComment").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
