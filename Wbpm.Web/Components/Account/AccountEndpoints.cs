using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Components.Account;

/// <summary>Sign-out is a POST with an antiforgery token (a GET link could be triggered by another site).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<WbpmUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login?loggedOut=true");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
