namespace Wbpm.Domain.Tenancy;

/// <summary>An organisation whose data is isolated from every other tenant's.</summary>
public sealed class Tenant
{
    public const int MaxNameLength = 100;

    private Tenant() { Id = Name = ""; }

    public Tenant(string id, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Name = ValidName(name);
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Rename(string name) => Name = ValidName(name);

    private static string ValidName(string name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
            throw Security.ValidationException.For("Name", $"A tenant name is required and has at most {MaxNameLength} characters.");
        return trimmed;
    }
}
