using Wbpm.Domain.Security;
using Wbpm.Tests.Support;
using Wbpm.Web.Security;

namespace Wbpm.Tests.Web;

/// <summary>The role -> permission map and the policies built from it deny what they must.</summary>
public sealed class PermissionPolicyTests
{
    [Theory]
    [InlineData(Role.Admin, Permission.AdminSystem, true)]
    [InlineData(Role.Designer, Permission.AdminSystem, false)]
    [InlineData(Role.Designer, Permission.WorkflowEdit, true)]
    [InlineData(Role.Operator, Permission.WorkflowEdit, false)]
    [InlineData(Role.Operator, Permission.OperationsManage, true)]
    [InlineData(Role.Viewer, Permission.OperationsManage, false)]
    [InlineData(Role.Viewer, Permission.OperationsView, true)]
    [InlineData(Role.Viewer, Permission.TaskWork, false)]
    [InlineData(Role.User, Permission.TaskWork, true)]
    [InlineData(Role.User, Permission.TaskManage, false)]
    [InlineData(Role.User, Permission.WorkflowCreate, false)]
    public void PoliciesGrantExactlyTheRolesPermissions(string role, string permission, bool granted) =>
        Assert.Equal(granted, PermissionPolicies.Grants(TestPrincipals.With("acme", "u", role), permission));

    [Fact]
    public void AdminHoldsEveryPermission() =>
        Assert.Equal(Permission.All.Order(), RolePermissions.For(Role.Admin).Order());

    [Fact]
    public void UnknownRolesGrantNothing() =>
        Assert.Empty(RolePermissions.ForRoles(["Superuser", "root"]));

    [Fact]
    public void NoPermissionIsGrantedWithoutATenant()
    {
        var noTenant = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Role, Role.Admin)], "Test"));
        Assert.All(Permission.All, p => Assert.False(PermissionPolicies.Grants(noTenant, p)));
    }

    [Fact]
    public void ServiceLayerRequireThrowsForbiddenWithoutThePermission()
    {
        var user = new Wbpm.Infrastructure.Identity.ClaimsCurrentUser();
        user.Set(TestPrincipals.With("acme", "u", Role.Viewer));
        var error = Assert.Throws<ForbiddenException>(() => user.Require(Permission.AdminSystem));
        Assert.Equal(Permission.AdminSystem, error.Permission);
    }
}
