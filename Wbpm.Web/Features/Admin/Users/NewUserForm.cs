using Wbpm.Infrastructure.Administration;

namespace Wbpm.Web.Features.Admin.Users;

/// <summary>The mutable model the new-user form binds to; <see cref="ToNewUser"/> hands the service its record.</summary>
public sealed class NewUserForm
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string Password { get; set; } = "";
    public IEnumerable<string> Roles { get; set; } = [];
    public IEnumerable<string> GroupIds { get; set; } = [];

    public NewUser ToNewUser() => new(UserName, DisplayName, Email, Password, Roles.ToList(), GroupIds.ToList());
}
