using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Web.Security;

namespace Wbpm.Web.Api;

/// <summary>POST /api/v1/deployments: multipart upload of one or more .bpmn files (field <c>files</c>), workflow.edit.</summary>
internal static class DeploymentEndpoints
{
    public sealed record DeploymentResponse(string Id, string Name, IReadOnlyList<DeployedDefinition> Definitions,
        IReadOnlyList<DeploymentProblems.Issue> Warnings);

    // Generous for BPMN: the service caps each file (Wbpm:Deployments:MaxFileBytes) before parsing anyway.
    private const long MaxRequestBytes = 50 * 1024 * 1024;

    public static RouteGroupBuilder MapDeploymentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/deployments", DeployAsync)
            .RequireAuthorization(Permission.WorkflowEdit)
            // Antiforgery is enforced per authentication method by the API group's filter: API keys need none, cookies do.
            .DisableAntiforgery()

            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<DeploymentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("CreateDeployment")
            .WithSummary("Deploy BPMN files: each executable process becomes the next version of its key.");
        return api;
    }

    private static async Task<IResult> DeployAsync(HttpRequest request, DeploymentService deployments, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return TypedResults.Problem(statusCode: 400, title: "Send multipart/form-data",
                detail: "Upload the .bpmn files as multipart/form-data in the field 'files'.");
        var form = await request.ReadFormAsync(ct);
        var files = form.Files.GetFiles("files");
        if (files.Count == 0)
            return TypedResults.Problem(statusCode: 400, title: "No files", detail: "Upload at least one .bpmn file in the field 'files'.");

        var streams = files.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var result = await deployments.DeployAsync(new DeploymentRequest(
                files.Select((f, i) => new DeploymentFile(f.FileName, streams[i])).ToList(), form["name"], form["comment"]), ct);
            return TypedResults.Created($"/api/v1/process-definitions?deploymentId={result.Id}", new DeploymentResponse(
                result.Id, result.Name, result.Definitions, result.Warnings.Select(DeploymentProblems.ToIssue).ToList()));
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }
}
