using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.ApiKeys;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Seeding;

/// <summary>
/// <c>Wbpm:Bootstrap:ApiKey</c>: makes sure a key with exactly that secret exists for the bootstrap admin (the demo
/// "admin" when demo data is on), so automation and tests can call the API on a fresh installation. A key an admin
/// has revoked stays revoked: it is never silently re-created. The secret is never logged.
/// </summary>
public sealed partial class BootstrapApiKey(WbpmDbContextFactory contexts, TimeProvider clock, ILogger<BootstrapApiKey> logger)
{
    public const string KeyName = "Bootstrap key (configuration)";

    public async Task EnsureAsync(string secret, string adminUserName, CancellationToken cancellationToken)
    {
        secret = secret.Trim();
        if (secret.Length < ApiKeySecret.MinimumLength)
            throw new InvalidOperationException($"Wbpm:Bootstrap:ApiKey must have at least {ApiKeySecret.MinimumLength} characters.");
        await using var db = contexts.Create(TenantScope.AllTenants);
        var hash = ApiKeySecret.Hash(secret);
        var prefix = ApiKeySecret.PrefixOf(secret);
        var existing = (await db.ApiKeys.Where(k => k.Prefix == prefix).ToListAsync(cancellationToken))
            .FirstOrDefault(k => ApiKeySecret.Matches(secret, k.SecretHash));
        if (existing is not null)
        {
            if (existing.IsRevoked)
                LogRevoked(logger, existing.Id);
            return;
        }

        var normalized = adminUserName.Trim().ToUpperInvariant();
        var admin = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (admin is null)
        {
            LogNoAdmin(logger, adminUserName);
            return;
        }
        var now = clock.GetUtcNow();
        var key = new ApiKey(Guid.NewGuid().ToString("N"), admin.TenantId, admin.Id, KeyName, prefix, hash, admin.Id, now, null);
        db.ApiKeys.Add(key);
        db.AuditEntries.Add(new Domain.Auditing.AuditEntry(admin.TenantId, now, "system", "system", "api-key.created", "ApiKey", key.Id,
            null, $$"""{"name":"{{KeyName}}","prefix":"{{prefix}}","userName":"{{admin.UserName}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, prefix, admin.UserName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap API key {Prefix}… acting as {UserName}.")]
    private static partial void LogCreated(ILogger logger, string prefix, string? userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bootstrap API key ({KeyId}) has been revoked by an admin; it stays revoked. Remove Wbpm:Bootstrap:ApiKey or set a new one.")]
    private static partial void LogRevoked(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wbpm:Bootstrap:ApiKey is set but the user {UserName} does not exist; no API key was created.")]
    private static partial void LogNoAdmin(ILogger logger, string userName);
}
