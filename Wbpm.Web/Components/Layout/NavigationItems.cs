using System.Security.Claims;
using Wbpm.Domain.Security;
using Wbpm.Web.Security;

namespace Wbpm.Web.Components.Layout;

public sealed record NavigationItem(string Text, string Icon, string? Path, string? Permission, IReadOnlyList<NavigationItem> Children);

/// <summary>
/// The navigation tree in one place. Features add their entries here when their pages exist, never before
/// ("a page either works or does not exist yet").
/// </summary>
public static class NavigationItems
{
    private static readonly IReadOnlyList<NavigationItem> All =
    [
        new("Home", "home", "/", null, []),
        new("Inbox", "inbox", "/inbox", Permission.TaskWork, []),
        new("Start a request", "rocket_launch", "/portal", Permission.WorkflowExecute, []),
        new("My requests", "assignment", "/portal/requests", Permission.WorkflowExecute, []),
        new("Processes", "account_tree", "/processes", Permission.WorkflowView, []),
        new("Administration", "admin_panel_settings", null, Permission.AdminSystem,
        [
            new("Users", "group", "/admin/users", Permission.AdminSystem, []),
            new("Groups", "groups", "/admin/groups", Permission.AdminSystem, []),
            new("Roles", "verified_user", "/admin/roles", Permission.AdminSystem, []),
            new("Tenants", "domain", "/admin/tenants", Permission.AdminSystem, []),
            new("Audit log", "history", "/admin/audit", Permission.AdminSystem, []),
            new("API keys", "key", "/admin/api-keys", Permission.AdminSystem, []),
        ]),
        new("API", "api", "/swagger", null, []),
    ];

    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user) =>
        All.Where(item => Allowed(user, item))
            .Select(item => item with { Children = item.Children.Where(c => Allowed(user, c)).ToList() })
            .ToList();

    private static bool Allowed(ClaimsPrincipal user, NavigationItem item) =>
        item.Permission is null ? user.Identity?.IsAuthenticated == true : PermissionPolicies.Grants(user, item.Permission);
}
