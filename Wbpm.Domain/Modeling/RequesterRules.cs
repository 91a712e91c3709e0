namespace Wbpm.Domain.Modeling;

/// <summary>
/// What a process model allows its requesters: who may start it (candidate starter groups and users; none listed =
/// everyone who may start processes) and when the person who started an instance may withdraw it.
/// </summary>
public static class RequesterRules
{
    public static bool MayStart(Process process, string userName, IReadOnlyCollection<string> groupKeys)
    {
        var users = List(process.CandidateStarterUsers);
        var groups = List(process.CandidateStarterGroups);
        if (users.Count == 0 && groups.Count == 0)
            return true;
        return users.Contains(userName, StringComparer.Ordinal) || groups.Any(groupKeys.Contains);
    }

    /// <summary>
    /// Why the requester cannot withdraw an instance whose tokens sit at <paramref name="activeElementIds"/>, or null
    /// when they may: the process says never, or one of those elements says not while a token is there.
    /// </summary>
    public static string? WhyNotWithdrawable(ProcessModel model, Process process, IEnumerable<string> activeElementIds)
    {
        if (!process.Withdrawable)
            return $"Requests of '{process.Name ?? process.Id}' cannot be withdrawn.";
        var blocking = activeElementIds.Select(model.FindNode).FirstOrDefault(n => n is { Withdrawable: false });
        return blocking is null ? null : $"The request cannot be withdrawn while it is at '{blocking.Name ?? blocking.Id}'.";
    }

    private static IReadOnlyList<string> List(string? commaSeparated) =>
        (commaSeparated ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
