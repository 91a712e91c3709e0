using Wbpm.Infrastructure.Administration;

namespace Wbpm.Web.Features.Admin.Users;

/// <summary>One status per user for the grid: disabled wins over locked, because a disabled user cannot sign in anyway.</summary>
public enum UserStatus { Active, Disabled, Locked }

public static class UserStatusExtensions
{
    public static UserStatus Status(this UserSummary user) =>
        user.IsDisabled ? UserStatus.Disabled : user.IsLockedOut ? UserStatus.Locked : UserStatus.Active;
}
