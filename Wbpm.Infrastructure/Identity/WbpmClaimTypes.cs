namespace Wbpm.Infrastructure.Identity;

public static class WbpmClaimTypes
{
    public const string TenantId = "wbpm:tenant";
    public const string TenantName = "wbpm:tenant-name";
    public const string DisplayName = "wbpm:display-name";
    public const string Permission = "wbpm:permission";
}
