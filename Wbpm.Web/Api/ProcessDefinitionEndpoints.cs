using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;

namespace Wbpm.Web.Api;

/// <summary>Deployed process definitions of the caller's tenant (workflow.view).</summary>
internal static class ProcessDefinitionEndpoints
{
    public static RouteGroupBuilder MapProcessDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var definitions = api.MapGroup("/process-definitions").RequireAuthorization(Permission.WorkflowView);
        definitions.MapGet("/", (ProcessDefinitionQueries queries, string? key, bool? latestOnly, string? deploymentId, CancellationToken ct) =>
                queries.ListAsync(key, latestOnly ?? false, deploymentId, ct))
            .WithName("ListProcessDefinitions").WithSummary("Definitions by key, newest version first; latestOnly=true keeps the newest of each key.");
        definitions.MapGet("/{id}", (ProcessDefinitionQueries queries, string id, CancellationToken ct) => queries.GetAsync(id, ct))
            .WithName("GetProcessDefinition").ProducesProblem(StatusCodes.Status404NotFound);
        definitions.MapGet("/{id}/xml", async (ProcessDefinitionQueries queries, HttpContext http, string id, CancellationToken ct) =>
            {
                var xml = await queries.GetXmlAsync(id, ct);
                // Uploaded XML is hostile: never let a browser render it on our origin (an XHTML <script> in an
                // extension element would run as the viewer). A download, sandboxed, never sniffed.
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.bpmn\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
                return TypedResults.Text(xml, "application/xml");
            })
            .WithName("GetProcessDefinitionXml").WithSummary("The BPMN XML exactly as deployed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
