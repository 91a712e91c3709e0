using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Components.Account;

/// <summary>
/// Re-checks an open page's user every <c>Wbpm:Auth:RevalidationInterval</c> (one minute by default): a disabled
/// user or one whose roles changed (both renew the security stamp) is signed out of the page without a reload.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, TimeSpan interval)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // A zero interval (tests) would spin: circuits re-check at most every five seconds.
    protected override TimeSpan RevalidationInterval => interval < MinimumInterval ? MinimumInterval : interval;

    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<WbpmUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var principal = authenticationState.User;
        if (principal.Identity?.IsAuthenticated != true)
            return true; // Nothing to revalidate; "signing out" an anonymous page would only disturb its rendering.
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
            return false;
        if (!userManager.SupportsUserSecurityStamp)
            return true;
        var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }
}
