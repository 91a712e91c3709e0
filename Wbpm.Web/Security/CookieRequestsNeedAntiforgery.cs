using Microsoft.AspNetCore.Antiforgery;

namespace Wbpm.Web.Security;

/// <summary>
/// For API endpoints that take form posts (multipart uploads) with antiforgery disabled: a request authenticated by
/// an API key passes (a header a foreign page cannot make the browser send, so no cross-site request forgery), but a
/// request riding on the browser's session cookie must still carry a valid antiforgery token. SameSite=Lax already
/// keeps the cookie off cross-site posts; this closes the remaining same-site (sibling subdomain) gap.
/// </summary>
internal sealed class CookieRequestsNeedAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.HasClaim(c => c.Type == WbpmAuthentication.ApiKeyIdClaim))
            return await next(context);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                detail: "Browser-session requests must send the antiforgery token; automation should authenticate with the X-Api-Key header.");
        }
        return await next(context);
    }
}
