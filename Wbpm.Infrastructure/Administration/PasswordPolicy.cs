using Microsoft.AspNetCore.Identity;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Infrastructure.Administration;

/// <summary>
/// Identity's password rules and hashing, for services that write users through the tenant-filtered context rather
/// than through UserManager's all-tenants store.
/// </summary>
public sealed class PasswordPolicy(UserManager<WbpmUser> identity)
{
    /// <summary>What is wrong with <paramref name="password"/> for <paramref name="user"/>; empty when it is acceptable.</summary>
    public async Task<string[]> ErrorsAsync(WbpmUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in identity.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(identity, user, password)).Errors.Select(e => e.Description));
        return [.. errors];
    }

    /// <summary>Sets the hash of a password already checked with <see cref="ErrorsAsync"/>.</summary>
    public void SetChecked(WbpmUser user, string password) =>
        user.PasswordHash = identity.PasswordHasher.HashPassword(user, password);

    /// <summary>Validates and sets the hash; a rejected password throws a ValidationException on <paramref name="field"/>.</summary>
    public async Task SetAsync(WbpmUser user, string password, string field)
    {
        var errors = await ErrorsAsync(user, password);
        if (errors.Length > 0)
            throw new Domain.Security.ValidationException(new Dictionary<string, string[]> { [field] = errors });
        SetChecked(user, password);
    }
}
