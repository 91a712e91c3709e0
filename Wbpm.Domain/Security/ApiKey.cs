using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Security;

/// <summary>
/// A credential for automation that acts as one user of one tenant. Only a hash of the secret is stored; the
/// <see cref="Prefix"/> (the secret's first characters) identifies the key in lists and narrows the lookup.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const int MaxNameLength = 100;

    private ApiKey() { Id = TenantId = UserId = Name = Prefix = CreatedById = ""; SecretHash = []; }

    public ApiKey(string id, string tenantId, string userId, string name, string prefix, byte[] secretHash,
        string createdById, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
            throw ValidationException.For("Name", $"An API key needs a name of at most {MaxNameLength} characters.");
        if (expiresAt is { } expiry && expiry <= createdAt)
            throw ValidationException.For("ExpiresAt", "The expiry must be in the future.");
        Id = id;
        TenantId = tenantId;
        UserId = userId;
        Name = trimmed;
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedById = createdById;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }

    /// <summary>The user whose roles and tenant the key acts with.</summary>
    public string UserId { get; private set; }

    public string Name { get; private set; }
    public string Prefix { get; private set; }
    public byte[] SecretHash { get; private set; }
    public string CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>Revoking is final; revoking twice keeps the first time.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
            return false;
        RevokedAt = now;
        return true;
    }
}
