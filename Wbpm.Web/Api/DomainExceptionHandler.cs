using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Runtime;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Runtime;

namespace Wbpm.Web.Api;

/// <summary>Turns the service layer's exceptions into problem+json: 403, 404, 409, 400 with field errors or model issues.</summary>
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
            // Lost races and commands that no longer fit the instance ("already completed by X"): 409, nothing changed.
            RuntimeConflictException e => new ProblemDetails { Status = 409, Title = "Conflict", Detail = e.Message },
            CommandRejectedException e => new ProblemDetails { Status = 409, Title = "Conflict", Detail = e.Message },
            _ => null,
        };
        if (problem is null)
            return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
