using Wbpm.Domain.Tenancy;

namespace Wbpm.Domain.Definitions;

/// <summary>Who changed a draft: the user id for joins and the display name as it was at the time.</summary>
public sealed record DraftAuthor(string UserId, string DisplayName);

/// <summary>
/// A process being designed: the BPMN XML as the designer last saved it, before any deployment. <see cref="Key"/> is
/// the BPMN process id (what a deployment versions by). <see cref="Revision"/> counts saves; a save must name the
/// revision it started from, so two designers can never overwrite each other silently.
/// </summary>
public sealed class ProcessDraft : ITenantOwned
{
    public const int MaxKeyLength = 200;
    public const int MaxNameLength = 200;

    private ProcessDraft() { Id = TenantId = Key = Name = Xml = CreatedById = CreatedByName = UpdatedById = UpdatedByName = ""; }

    public ProcessDraft(string id, string tenantId, string key, string name, string xml, DraftAuthor author, DateTimeOffset at)
    {
        Id = id;
        TenantId = tenantId;
        Key = ValidKey(key);
        Name = ValidName(name, key);
        Xml = xml;
        Revision = 1;
        CreatedById = UpdatedById = author.UserId;
        CreatedByName = UpdatedByName = author.DisplayName;
        CreatedAt = UpdatedAt = at;
    }

    public string Id { get; private set; }
    public string TenantId { get; private set; }
    public string Key { get; private set; }
    public string Name { get; private set; }
    public string Xml { get; private set; }

    /// <summary>1 when created, +1 per save. Also the EF concurrency token, so a race between two saves is caught too.</summary>
    public int Revision { get; private set; }

    public string CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string UpdatedById { get; private set; }
    public string UpdatedByName { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Replaces the content when <paramref name="expectedRevision"/> is the current one; otherwise throws
    /// <see cref="DraftConflictException"/> naming who saved last and when, and changes nothing.</summary>
    public void Save(string key, string name, string xml, int expectedRevision, DraftAuthor author, DateTimeOffset at)
    {
        if (expectedRevision != Revision)
            throw new DraftConflictException(Id, Revision, UpdatedByName, UpdatedAt);
        Key = ValidKey(key);
        Name = ValidName(name, key);
        Xml = xml;
        Revision++;
        UpdatedById = author.UserId;
        UpdatedByName = author.DisplayName;
        UpdatedAt = at;
    }

    private static string ValidKey(string key)
    {
        var trimmed = (key ?? "").Trim();
        if (trimmed.Length is 0 or > MaxKeyLength)
            throw Security.ValidationException.For("Key", $"A process id is required and has at most {MaxKeyLength} characters.");
        return trimmed;
    }

    // An unnamed process is listed by its id: designers often name it last.
    private static string ValidName(string? name, string key)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? key.Trim() : name.Trim();
        return trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed;
    }
}
