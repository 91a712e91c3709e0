namespace Wbpm.Domain.Security;

/// <summary>Who is acting: the signed-in user of a browser circuit or API request, or nobody.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string? UserId { get; }
    string? UserName { get; }

    /// <summary>The tenant the user belongs to. Null means the user may see no tenant-owned data at all.</summary>
    string? TenantId { get; }

    IReadOnlySet<string> Permissions { get; }
}

public static class CurrentUserExtensions
{
    public static bool Has(this ICurrentUser user, string permission) =>
        user.IsAuthenticated && user.Permissions.Contains(permission);

    /// <summary>Throws <see cref="ForbiddenException"/> unless the user holds <paramref name="permission"/>.</summary>
    public static void Require(this ICurrentUser user, string permission)
    {
        if (!user.Has(permission))
            throw new ForbiddenException(permission);
    }
}
