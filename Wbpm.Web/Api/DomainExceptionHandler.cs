using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;

namespace Wbpm.Web.Api;

/// <summary>Turns the service layer's exceptions into problem+json: 403, 404, 400 with field errors or model issues.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Forbidden", Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found", Detail = e.Message },
            ValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(k => k.Key, v => v.Value))
            {
                Status = 400, Title = "The request is not valid", Detail = e.Message,
            },
            DeploymentRejectedException e => DeploymentProblems.ToProblem(e),
            _ => null,
        };
        if (problem is null)
            return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
