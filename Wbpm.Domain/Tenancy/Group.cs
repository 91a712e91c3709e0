namespace Wbpm.Domain.Tenancy;

/// <summary>
/// A business group of a tenant (employees, managers, hr ...). Groups become candidate groups of user tasks,
/// so <see cref="Key"/> is what models reference and never changes once created.
/// </summary>
public sealed class Group : ITenantOwned
{
    private readonly List<GroupMember> _members = [];

    private Group() { Id = TenantId = Key = Name = ""; }

    public Group(string id, string tenantId, string key, string name, string? description)
    {
        Id = id;
        TenantId = tenantId;
        Key = ValidKey(key);
        Name = ValidName(name);
        Description = description?.Trim();
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string Key { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public IReadOnlyCollection<GroupMember> Members => _members;

    public void Rename(string name, string? description)
    {
        Name = ValidName(name);
        Description = description?.Trim();
    }

    public bool AddMember(string userId)
    {
        if (_members.Any(m => m.UserId == userId))
            return false;
        _members.Add(new GroupMember(Id, userId, TenantId));
        return true;
    }

    public bool RemoveMember(string userId) => _members.RemoveAll(m => m.UserId == userId) > 0;

    private static string ValidKey(string key)
    {
        var trimmed = (key ?? "").Trim();
        if (trimmed.Length is 0 or > 64 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw Security.ValidationException.For("Key", "A group key has 1 to 64 letters, digits, '-', '_' or '.'.");
        return trimmed;
    }

    private static string ValidName(string name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 100)
            throw Security.ValidationException.For("Name", "A group name is required and has at most 100 characters.");
        return trimmed;
    }
}

public sealed class GroupMember : ITenantOwned
{
    private GroupMember() { GroupId = UserId = TenantId = ""; }

    internal GroupMember(string groupId, string userId, string tenantId)
    {
        GroupId = groupId;
        UserId = userId;
        TenantId = tenantId;
    }

    public string GroupId { get; private set; }
    public string UserId { get; private set; }
    public string TenantId { get; private set; }
}
