using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Definitions;

/// <summary>
/// A process a tenant saved as a template: new processes can start from its XML. Listed in the template gallery
/// beside the built-in templates, visible to its tenant only. It has no parameters: it is copied as it was saved.
/// </summary>
public sealed class TenantTemplate : ITenantOwned
{
    public const int MaxNameLength = 200;
    public const int MaxCategoryLength = 100;
    public const int MaxDescriptionLength = 1000;

    private TenantTemplate() { Id = TenantId = Name = Description = Category = Xml = CreatedById = CreatedByName = ""; }

    public TenantTemplate(string id, string tenantId, string name, string? description, string? category, string xml, DraftAuthor author, DateTimeOffset at)
    {
        Id = id;
        TenantId = tenantId;
        Name = Required(name, MaxNameLength, "name");
        Description = Optional(description, MaxDescriptionLength, "description");
        // Uncategorised templates still group somewhere in the gallery.
        Category = string.IsNullOrWhiteSpace(category) ? "Custom" : Required(category, MaxCategoryLength, "category");
        Xml = xml;
        CreatedById = author.UserId;
        CreatedByName = author.DisplayName;
        CreatedAt = at;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string Name { get; private set; }
    public string Description { get; private set; }
    public string Category { get; private set; }
    public string Xml { get; private set; }
    public string CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private static string Required(string value, int max, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new ArgumentException($"A template needs a {what}.", what);
        return Optional(trimmed, max, what);
    }

    private static string Optional(string? value, int max, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
            throw new ArgumentException($"The {what} of a template can be at most {max} characters.", what);
        return trimmed;
    }
}
