namespace Wbpm.Domain.Tenancy;

/// <summary>Rows of this type belong to one tenant; persistence filters every query by the current tenant.</summary>
public interface ITenantOwned
{
    string TenantId { get; }
}
