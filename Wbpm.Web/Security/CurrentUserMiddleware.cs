using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Security;

/// <summary>Hands the authenticated principal of an HTTP request (pages, API) to the scoped current user.</summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ClaimsCurrentUser currentUser)
    {
        currentUser.Set(context.User);
        return next(context);
    }
}
