using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.ApiKeys;

/// <summary>The user an API key acts as, or why the key was refused (for the log; clients only get a 401).</summary>
public sealed record ApiKeyAuthentication(WbpmUser? User, string? KeyId, string? Failure)
{
    public static ApiKeyAuthentication Refused(string reason) => new(null, null, reason);
}

/// <summary>
/// Checks a presented API key: found by prefix across tenants (no tenant is known before authentication), hash
/// compared in constant time, not revoked or expired, and its user exists in the key's tenant and is not disabled.
/// Records the last use at most once a minute so busy automation does not write on every call.
/// </summary>
public sealed class ApiKeyAuthenticator(WbpmDbContextFactory contexts, TimeProvider clock)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyAuthentication> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 256)
            return ApiKeyAuthentication.Refused("malformed key");
        presented = presented.Trim();
        await using var db = contexts.Create(TenantScope.AllTenants);
        var prefix = ApiKeySecret.PrefixOf(presented);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix).ToListAsync(cancellationToken);
        var key = candidates.FirstOrDefault(k => ApiKeySecret.Matches(presented, k.SecretHash));
        if (key is null)
            return ApiKeyAuthentication.Refused("unknown key");
        var now = clock.GetUtcNow();
        if (key.IsRevoked)
            return ApiKeyAuthentication.Refused($"key {key.Id} is revoked");
        if (!key.IsUsableAt(now))
            return ApiKeyAuthentication.Refused($"key {key.Id} has expired");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.UserId && u.TenantId == key.TenantId, cancellationToken);
        if (user is null || user.IsDisabled)
            return ApiKeyAuthentication.Refused($"the user of key {key.Id} is disabled or gone");

        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        return new ApiKeyAuthentication(user, key.Id, null);
    }
}
