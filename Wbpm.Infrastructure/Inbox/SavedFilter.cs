using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Inbox;

/// <summary>
/// A named inbox filter of one user. At most one of a user's filters is their default (the inbox opens with it);
/// sharing with a group lets the group's members use it (only the owner changes it).
/// </summary>
public sealed class SavedFilter : ITenantOwned
{
    public const int MaxNameLength = 100;

    private SavedFilter() { Id = TenantId = OwnerId = OwnerName = Name = FilterJson = ""; }

    public SavedFilter(string id, string tenantId, string ownerId, string ownerName, string name, string filterJson, DateTimeOffset at)
    {
        Id = id;
        TenantId = tenantId;
        OwnerId = ownerId;
        OwnerName = ownerName;
        Name = name;
        FilterJson = filterJson;
        CreatedAt = UpdatedAt = at;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string OwnerId { get; private set; }
    public string OwnerName { get; private set; }
    public string Name { get; private set; }
    public string FilterJson { get; private set; }
    public bool IsDefault { get; private set; }
    public string? SharedWithGroup { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void MakeDefault(bool isDefault, DateTimeOffset at)
    {
        IsDefault = isDefault;
        UpdatedAt = at;
    }

    public void ShareWith(string? groupKey, DateTimeOffset at)
    {
        SharedWithGroup = groupKey;
        UpdatedAt = at;
    }
}
