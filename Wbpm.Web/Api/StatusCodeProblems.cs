using Microsoft.AspNetCore.Diagnostics;

namespace Wbpm.Web.Api;

/// <summary>Bare 401/403/404 answers under /api get a problem+json body; pages keep their own handling.</summary>
internal static class StatusCodeProblems
{
    public static async Task WriteForApiAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
            return;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode },
        });
    }
}
