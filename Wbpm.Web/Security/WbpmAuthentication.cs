using Microsoft.AspNetCore.Identity;

namespace Wbpm.Web.Security;

/// <summary>
/// The authentication schemes. <see cref="Default"/> is a policy scheme: a request carrying <see cref="ApiKeyHeader"/>
/// is authenticated (and challenged) by the API key handler, every other request by the Identity cookie, so one
/// endpoint accepts either and a bad key is never "rescued" by a cookie.
/// </summary>
public static class WbpmAuthentication
{
    public const string Default = "Wbpm";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Claim on principals authenticated by an API key: the key's id (audit, antiforgery decisions).</summary>
    public const string ApiKeyIdClaim = "wbpm:api-key";

    internal static void Register(IServiceCollection services)
    {
        services.AddAuthentication(Default)
            .AddPolicyScheme(Default, "Cookie or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKey : IdentityConstants.ApplicationScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKey, "API key", _ => { })
            .AddIdentityCookies();
    }
}
