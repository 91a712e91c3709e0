namespace Wbpm.Domain.Security;

/// <summary>
/// The permissions that guard every action. Roles grant permissions (<see cref="RolePermissions"/>);
/// pages, API endpoints and service methods check permissions, never role names, so a role can change
/// without touching the checks.
/// </summary>
public static class Permission
{
    public const string WorkflowView = "workflow.view";
    public const string WorkflowCreate = "workflow.create";
    public const string WorkflowEdit = "workflow.edit";
    public const string WorkflowDelete = "workflow.delete";
    public const string WorkflowExecute = "workflow.execute";
    public const string WorkflowShare = "workflow.share";
    public const string TemplateCreate = "template.create";
    public const string TaskWork = "task.work";
    public const string TaskManage = "task.manage";
    public const string OperationsView = "operations.view";
    public const string OperationsManage = "operations.manage";
    public const string AdminSystem = "admin.system";

    public static IReadOnlyList<string> All { get; } =
    [
        WorkflowView, WorkflowCreate, WorkflowEdit, WorkflowDelete, WorkflowExecute, WorkflowShare,
        TemplateCreate, TaskWork, TaskManage, OperationsView, OperationsManage, AdminSystem,
    ];

    /// <summary>A sentence for the roles page: what holding the permission lets a person do.</summary>
    public static string Describe(string permission) => permission switch
    {
        WorkflowView => "See process definitions and their versions",
        WorkflowCreate => "Create new processes and drafts",
        WorkflowEdit => "Edit drafts and deploy new versions",
        WorkflowDelete => "Delete drafts",
        WorkflowExecute => "Start process instances",
        WorkflowShare => "Share processes with groups",
        TemplateCreate => "Save processes as templates",
        TaskWork => "Work tasks: claim, complete, comment",
        TaskManage => "Assign and reassign any task of the tenant",
        OperationsView => "See running instances, incidents and dashboards",
        OperationsManage => "Cancel instances, retry jobs, resolve incidents",
        AdminSystem => "Manage users, groups, roles, tenants and read the audit log",
        _ => permission,
    };
}
