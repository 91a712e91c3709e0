namespace Wbpm.Domain.Security;

/// <summary>The built-in roles. Business groups (employees, managers, hr, ...) are <c>Group</c>s, not roles.</summary>
public static class Role
{
    public const string Admin = "Admin";
    public const string Designer = "Designer";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    /// <summary>A business user: starts requests and works the tasks of their groups.</summary>
    public const string User = "User";

    public static IReadOnlyList<string> All { get; } = [Admin, Designer, Operator, Viewer, User];

    public static string Describe(string role) => role switch
    {
        Admin => "Administers the tenant: users, groups, tenants, audit; can do everything",
        Designer => "Designs, versions and deploys processes and templates",
        Operator => "Watches running processes, fixes incidents, manages all tasks",
        Viewer => "Reads processes, instances and dashboards without changing anything",
        User => "Starts requests and works the tasks of their groups",
        _ => role,
    };
}
