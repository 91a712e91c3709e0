namespace Wbpm.Domain.Security;

/// <summary>The current user lacks a permission. The web layer answers 403 or the access-denied page.</summary>
public sealed class ForbiddenException(string permission)
    : Exception($"You do not have the permission '{permission}'.")
{
    public string Permission { get; } = permission;
}
