namespace Wbpm.Domain.Security;

/// <summary>The single map from roles to permissions. Read-only by design: the roles page shows it.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, IReadOnlySet<string>> Map = new(StringComparer.Ordinal)
    {
        [Role.Admin] = new HashSet<string>(Permission.All),
        [Role.Designer] = new HashSet<string>
        {
            Permission.WorkflowView, Permission.WorkflowCreate, Permission.WorkflowEdit, Permission.WorkflowDelete,
            Permission.WorkflowExecute, Permission.WorkflowShare, Permission.TemplateCreate, Permission.TaskWork,
            Permission.OperationsView,
        },
        [Role.Operator] = new HashSet<string>
        {
            Permission.WorkflowView, Permission.WorkflowExecute, Permission.TaskWork, Permission.TaskManage,
            Permission.OperationsView, Permission.OperationsManage,
        },
        [Role.Viewer] = new HashSet<string> { Permission.WorkflowView, Permission.OperationsView },
        [Role.User] = new HashSet<string> { Permission.WorkflowExecute, Permission.TaskWork },
    };

    public static IReadOnlySet<string> For(string role) =>
        Map.TryGetValue(role, out var permissions) ? permissions : new HashSet<string>();

    /// <summary>The union of the permissions of <paramref name="roles"/>; unknown roles grant nothing.</summary>
    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
            result.UnionWith(For(role));
        return result;
    }
}
