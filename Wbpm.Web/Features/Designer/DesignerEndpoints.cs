using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Designer;

namespace Wbpm.Web.Features.Designer;

/// <summary>Drafts over HTTP for automation: list, read the XML, and validate any BPMN the way the designer does.</summary>
internal static class DesignerEndpoints
{
    private const int MaxValidateBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapDesignerEndpoints(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/process-drafts").WithTags("Process drafts");
        drafts.MapGet("/", (ProcessDraftService service, string? search, int? skip, int? take, CancellationToken ct) =>
                service.ListAsync(new DraftQuery(search, skip ?? 0, take ?? 25), ct))
            .WithName("ListProcessDrafts").WithSummary("Drafts of the tenant, most recently changed first (workflow.view).");
        drafts.MapGet("/{id}", (ProcessDraftService service, string id, CancellationToken ct) => service.GetAsync(id, ct))
            .WithName("GetProcessDraft").WithSummary("One draft with its BPMN XML and the revision a save must name (workflow.view).");
        drafts.MapPost("/validate", ValidateAsync)
            .Accepts<string>("application/xml", "text/xml", "text/plain")
            .WithName("ValidateBpmn").WithSummary("Validates BPMN XML (request body) like the designer: issues per element (workflow.view).");
        return api;
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, DraftValidation validation, CancellationToken ct)
    {
        if (request.ContentLength > MaxValidateBytes)
            throw ValidationException.For("", $"The document is larger than {MaxValidateBytes / 1024 / 1024} MB.");
        using var reader = new StreamReader(request.Body);
        var xml = await reader.ReadToEndAsync(ct);
        return Results.Ok(validation.Validate(xml));
    }
}
