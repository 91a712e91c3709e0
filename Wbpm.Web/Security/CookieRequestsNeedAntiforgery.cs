using Microsoft.AspNetCore.Antiforgery;

namespace Wbpm.Web.Security;

/// <summary>
/// Cross-site request forgery protection for the whole API. A request authenticated by an API key passes (a header a
/// foreign page cannot make the browser send). A state-changing request riding on the browser's session cookie must
/// prove it came from a page of ours: either its content type is one a foreign origin cannot send without a CORS
/// preflight (anything but the three "simple" types: JSON, XML, ...; Wbpm grants no CORS), or it carries a valid
/// antiforgery token (form posts, uploads, body-less POSTs).
/// SameSite=Lax already keeps the cookie off cross-site posts; this closes the same-site (sibling subdomain) gap.
/// </summary>
internal sealed class CookieRequestsNeedAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
            || http.User.HasClaim(c => c.Type == WbpmAuthentication.ApiKeyIdClaim)
            || http.User.Identity?.IsAuthenticated != true
            || NeedsCorsPreflight(http.Request.ContentType))
            return await next(context);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                detail: "Browser-session requests must send JSON or the antiforgery token; automation should authenticate with the X-Api-Key header.");
        }
        return await next(context);
    }

    // The CORS-safelisted request content types: a cross-origin page can send these without asking first.
    private static bool NeedsCorsPreflight(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return !mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }
}
