namespace Wbpm.Infrastructure.Designer;

/// <summary>A row of the processes page.</summary>
public sealed record ProcessDraftSummary(
    string Id, string Key, string Name, int Revision, string CreatedByName, DateTimeOffset CreatedAt, string UpdatedByName, DateTimeOffset UpdatedAt);

/// <summary>What the designer opens: the XML and the revision its next save must name.</summary>
public sealed record ProcessDraftDocument(string Id, string Key, string Name, string Xml, int Revision, string UpdatedByName, DateTimeOffset UpdatedAt);

/// <summary>The result of a save: the revision the next save must name.</summary>
public sealed record DraftSaved(string Id, string Key, string Name, int Revision, DateTimeOffset SavedAt);

public enum DraftSort { UpdatedDescending, NameAscending, NameDescending, KeyAscending, KeyDescending, UpdatedAscending }

/// <summary>Search matches name or key (case-insensitive on both providers).</summary>
public sealed record DraftQuery(string? Search = null, int Skip = 0, int Take = 25, DraftSort Sort = DraftSort.UpdatedDescending);
