using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Components.Account;

/// <summary>Sign-out is a POST with a valid antiforgery token: neither a link nor a sibling site's form can sign you out.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (HttpContext http, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<WbpmUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest();
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login?loggedOut=true");
        }).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }
}
