using Microsoft.AspNetCore.Mvc;
using Wbpm.Domain.Definitions;

namespace Wbpm.Web.Api;

/// <summary>
/// A refused deployment as problem+json: 400 with <c>issues</c>, each {resource, elementId, severity, message} and,
/// for files that could not be read, line and column. Warnings are listed too so the designer sees everything at once.
/// </summary>
internal static class DeploymentProblems
{
    public sealed record Issue(string Resource, string? ElementId, string Severity, string Message, int? Line, int? Column);

    public static ProblemDetails ToProblem(DeploymentRejectedException rejected) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = rejected.Title,
        Detail = $"Nothing was deployed: {rejected.Problems.Count(p => p.Severity == DeploymentProblem.Error)} error(s) must be fixed first.",
        Extensions = { ["issues"] = rejected.Problems.Select(ToIssue).ToList() },
    };

    public static Issue ToIssue(DeploymentProblem p) => new(p.Resource, p.ElementId, p.Severity, p.Message, p.Line, p.Column);
}
