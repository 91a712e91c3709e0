using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.ApiKeys;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Web.Security;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates <c>X-Api-Key: &lt;key&gt;</c> as the key's user, with exactly the claims the sign-in cookie would carry
/// (the same <see cref="IUserClaimsPrincipalFactory{TUser}"/>: roles, tenant, display name) plus the key id.
/// Challenges answer 401 and forbids 403 (problem+json under /api via the status code pages). The key is never logged.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator,
    IUserClaimsPrincipalFactory<WbpmUser> principals)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(WbpmAuthentication.ApiKeyHeader, out var values))
            return AuthenticateResult.NoResult();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            return AuthenticateResult.Fail("Send exactly one API key.");

        var result = await authenticator.AuthenticateAsync(values[0]!, Context.RequestAborted);
        if (result.User is null)
        {
            LogRefused(Logger, result.Failure!);
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        var cookieShaped = await principals.CreateAsync(result.User);
        var claims = cookieShaped.Claims.Append(new Claim(WbpmAuthentication.ApiKeyIdClaim, result.KeyId!));
        var identity = new ClaimsIdentity(claims, WbpmAuthentication.ApiKey, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), WbpmAuthentication.ApiKey));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key refused: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason);
}
