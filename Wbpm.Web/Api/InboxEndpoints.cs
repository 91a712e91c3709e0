using Microsoft.AspNetCore.Mvc;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Inbox;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Web.Api;

/// <summary>
/// The inbox over HTTP (task.work): paged, sorted, filtered lists with counts; filterable variables of a process;
/// saved filters; assign and bulk actions. GET /tasks stays the simple list it was.
/// </summary>
internal static class InboxEndpoints
{
    public sealed record AssignRequest(string UserId);
    public sealed record BulkClaimRequest(List<string> TaskIds);
    public sealed record BulkAssignRequest(List<string> TaskIds, string UserId);
    public sealed record DefaultRequest(bool IsDefault);
    public sealed record ShareRequest(string? Group);

    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").RequireAuthorization(Permission.TaskWork);
        inbox.MapGet("/", (InboxQueries queries, string? view, string? definitionKey, string? name, string? businessKey, string? assignee,
                int? minPriority, DateTimeOffset? dueFrom, DateTimeOffset? dueTo, DateTimeOffset? followUpFrom, DateTimeOffset? followUpTo,
                [FromQuery(Name = "var")] string[]? variables, string? sort, bool? desc, int? skip, int? take, CancellationToken ct) =>
                queries.PageAsync(new InboxFilter
                {
                    View = ParseEnum(view, InboxView.MyGroups, "view"),
                    DefinitionKey = definitionKey, Name = name, BusinessKey = businessKey, Assignee = assignee, MinPriority = minPriority,
                    DueFrom = dueFrom, DueTo = dueTo, FollowUpFrom = followUpFrom, FollowUpTo = followUpTo,
                    Variables = (variables ?? []).Select((v, i) => ParseVariable(v, i)).ToList(),
                    Sort = ParseEnum(sort, InboxSort.Due, "sort"), Descending = desc ?? false,
                }, skip ?? 0, take ?? 50, ct))
            .WithName("ListInbox").ProducesProblem(StatusCodes.Status400BadRequest);
        inbox.MapGet("/counts", async (InboxQueries queries, CancellationToken ct) =>
                (await queries.CountsAsync(ct)).ToDictionary(c => c.Key.ToString(), c => c.Value))
            .WithName("InboxCounts");
        inbox.MapGet("/variables", (InboxQueries queries, string definitionKey, CancellationToken ct) => queries.VariablesAsync(definitionKey, ct))
            .WithName("InboxVariables");

        var filters = inbox.MapGroup("/filters");
        filters.MapGet("/", (SavedFilters saved, CancellationToken ct) => saved.ListAsync(ct)).WithName("ListSavedFilters");
        filters.MapPost("/", async (SavedFilters saved, NewSavedFilter request, CancellationToken ct) =>
            {
                var created = await saved.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/inbox/filters/{created.Id}", created);
            })
            .WithName("CreateSavedFilter").ProducesProblem(StatusCodes.Status400BadRequest);
        filters.MapPut("/{id}/default", async (SavedFilters saved, string id, DefaultRequest request, CancellationToken ct) =>
            {
                await saved.SetDefaultAsync(id, request.IsDefault, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetDefaultSavedFilter").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        filters.MapPut("/{id}/share", async (SavedFilters saved, string id, ShareRequest request, CancellationToken ct) =>
            {
                await saved.ShareAsync(id, request.Group, ct);
                return TypedResults.NoContent();
            })
            .WithName("ShareSavedFilter").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        filters.MapDelete("/{id}", async (SavedFilters saved, string id, CancellationToken ct) =>
            {
                await saved.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSavedFilter").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);

        var tasks = api.MapGroup("/tasks").RequireAuthorization(Permission.TaskWork);
        tasks.MapPost("/{id}/assign", async (TaskService service, string id, AssignRequest request, CancellationToken ct) =>
            {
                await service.AssignAsync(id, request.UserId, ct);
                return TypedResults.NoContent();
            })
            .WithName("AssignTask").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/bulk/claim", (BulkTaskActions bulk, BulkClaimRequest request, CancellationToken ct) => bulk.ClaimAsync(request.TaskIds, ct))
            .WithName("BulkClaimTasks");
        tasks.MapPost("/bulk/assign", (BulkTaskActions bulk, BulkAssignRequest request, CancellationToken ct) =>
                bulk.AssignAsync(request.TaskIds, request.UserId, ct))
            .WithName("BulkAssignTasks");
        return api;
    }

    private static TEnum ParseEnum<TEnum>(string? value, TEnum fallback, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        if (Enum.TryParse<TEnum>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        throw ValidationException.For(field, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    /// <summary>name:type:operator:value, e.g. region:text:eq:north or amount:number:ge:1000 (the value may contain ':').</summary>
    private static VariableFilter ParseVariable(string text, int index)
    {
        var parts = text.Split(':', 4);
        if (parts.Length != 4)
            throw ValidationException.For($"var[{index}]", $"'{text}' is not name:type:operator:value (e.g. amount:number:ge:1000).");
        return new VariableFilter(parts[0], ParseEnum(parts[1], VariableType.Text, $"var[{index}].type"),
            ParseEnum(parts[2], VariableOperator.Eq, $"var[{index}].operator"), parts[3]);
    }
}
