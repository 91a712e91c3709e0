using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wbpm.Infrastructure.Identity;

/// <summary>Refuses sign-in to disabled users (Identity itself only knows lockout and confirmation).</summary>
public sealed class WbpmSignInManager(
    UserManager<WbpmUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WbpmUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<WbpmUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WbpmUser> confirmation)
    : SignInManager<WbpmUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(WbpmUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Cookie revalidation also drops disabled users, not only changed security stamps.</summary>
    public override async Task<WbpmUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
