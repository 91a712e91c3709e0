namespace Wbpm.Web.Features.Designer;

/// <summary>Someone with a process open in the designer.</summary>
public sealed record PresentUser(string UserId, string DisplayName)
{
    /// <summary>Up to two initials for the avatar.</summary>
    public string Initials => string.Concat(DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}

/// <summary>
/// Who has which draft open right now, in this process (one app node; a multi-node deployment would need a shared
/// store). A page joins when it opens a draft and disposes the registration when it closes; everyone on the same
/// draft is called back on each join and leave.
/// </summary>
public sealed class DesignerPresence
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Registration>> _byDraft = new(StringComparer.Ordinal);

    public IDisposable Join(string tenantId, string draftId, PresentUser user, Action changed)
    {
        var key = Key(tenantId, draftId);
        var registration = new Registration(this, key, user, changed);
        List<Registration> others;
        lock (_gate)
        {
            if (!_byDraft.TryGetValue(key, out var list))
                _byDraft[key] = list = [];
            others = [.. list];
            list.Add(registration);
        }
        Notify(others);
        return registration;
    }

    /// <summary>Distinct people with the draft open (a person with two tabs counts once), in order of arrival.</summary>
    public IReadOnlyList<PresentUser> Present(string tenantId, string draftId)
    {
        lock (_gate)
            return _byDraft.TryGetValue(Key(tenantId, draftId), out var list)
                ? list.Select(r => r.User).DistinctBy(u => u.UserId).ToList()
                : [];
    }

    private void Leave(Registration registration)
    {
        List<Registration> remaining;
        lock (_gate)
        {
            if (!_byDraft.TryGetValue(registration.Key, out var list) || !list.Remove(registration))
                return;
            if (list.Count == 0)
                _byDraft.Remove(registration.Key);
            remaining = [.. list];
        }
        Notify(remaining);
    }

    private static void Notify(IEnumerable<Registration> registrations)
    {
        foreach (var registration in registrations)
            registration.Changed();
    }

    private static string Key(string tenantId, string draftId) => tenantId + "/" + draftId;

    private sealed class Registration(DesignerPresence owner, string key, PresentUser user, Action changed) : IDisposable
    {
        public string Key { get; } = key;
        public PresentUser User { get; } = user;
        public Action Changed { get; } = changed;

        public void Dispose() => owner.Leave(this);
    }
}
