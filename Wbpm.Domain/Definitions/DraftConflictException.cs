namespace Wbpm.Domain.Definitions;

/// <summary>
/// Someone saved the draft after the caller loaded it. Nothing was written; the designer decides whether to reload
/// (discarding their changes) or save theirs as a copy.
/// </summary>
public sealed class DraftConflictException(string draftId, int currentRevision, string savedByName, DateTimeOffset savedAt)
    : Exception($"{savedByName} saved this process at {savedAt:u} after you opened it; your changes were not saved.")
{
    public string DraftId { get; } = draftId;
    public int CurrentRevision { get; } = currentRevision;
    public string SavedByName { get; } = savedByName;
    public DateTimeOffset SavedAt { get; } = savedAt;
}
