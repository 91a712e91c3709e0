namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>wbpm:candidateUsers / candidateGroups are comma-separated lists; the panel edits them as sets.</summary>
public static class CandidateList
{
    public static IReadOnlyList<string> Parse(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Null for an empty list, so the attribute is removed rather than written empty.</summary>
    public static string? Format(IEnumerable<string>? values)
    {
        var list = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(",", list);
    }
}
