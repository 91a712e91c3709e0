using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.ApiKeys;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Administration;

/// <summary>A new key for the user <paramref name="UserId"/> (null: the admin creating it).</summary>
public sealed record NewApiKey(string Name, string? UserId = null, DateTimeOffset? ExpiresAt = null);

/// <summary>The only time the secret exists outside the caller: show it once, then it is gone.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Prefix, string Secret, string UserName);

public sealed record ApiKeySummary(
    string Id, string Name, string Prefix, string UserId, string UserName, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public string StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? "Revoked" : ExpiresAt is { } e && e <= now ? "Expired" : "Active";
}

/// <summary>API keys of the current tenant (admin.system); create and revoke are audited in the same commit.</summary>
public sealed class ApiKeyAdministration(TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        return await db.ApiKeys.AsNoTracking()
            .OrderByDescending(k => k.CreatedAt)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.UserId, u.UserName!,
                k.CreatedAt, k.LastUsedAt, k.ExpiresAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<CreatedApiKey> CreateAsync(NewApiKey request, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var userId = string.IsNullOrWhiteSpace(request.UserId) ? currentUser.UserId! : request.UserId;
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.UserName, u.IsDisabled }).FirstOrDefaultAsync(cancellationToken)
            ?? throw ValidationException.For("UserId", "Choose a user of this organisation for the key to act as.");
        if (user.IsDisabled)
            throw ValidationException.For("UserId", $"{user.UserName} is disabled; a key acting as them would not work.");

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey(Guid.NewGuid().ToString("N"), currentUser.TenantId!, userId, request.Name, ApiKeySecret.PrefixOf(secret),
            ApiKeySecret.Hash(secret), currentUser.UserId!, clock.GetUtcNow(), request.ExpiresAt);
        db.ApiKeys.Add(key);
        audit.Record(db, "api-key.created", "ApiKey", key.Id, null,
            new { key.Name, key.Prefix, key.UserId, UserName = user.UserName, key.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id, key.Name, key.Prefix, secret, user.UserName!);
    }

    public async Task RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.AdminSystem);
        await using var db = contexts.Create();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new NotFoundException("API key", id);
        if (!key.Revoke(clock.GetUtcNow()))
            return;
        audit.Record(db, "api-key.revoked", "ApiKey", key.Id, new { key.Name, key.Prefix }, new { key.RevokedAt });
        await db.SaveChangesAsync(cancellationToken);
    }
}
