using Wbpm.Infrastructure.Inbox;

namespace Wbpm.Web.Features.Inbox;

/// <summary>
/// The inbox's filter fields as the form edits them; <see cref="ToFilter"/> gives the query (and what a saved filter
/// stores), <see cref="Load"/> puts a saved one back. Dates are whole UTC days, the "to" day inclusive.
/// </summary>
public sealed class InboxFilterForm
{
    public InboxView View { get; set; } = InboxView.MyGroups;
    public string? DefinitionKey { get; set; }
    public string? Name { get; set; }
    public string? BusinessKey { get; set; }
    public string? Assignee { get; set; }
    public int? MinPriority { get; set; }
    public DateTime? DueFrom { get; set; }
    public DateTime? DueTo { get; set; }
    public DateTime? FollowUpFrom { get; set; }
    public DateTime? FollowUpTo { get; set; }
    public List<VariableFilter> Variables { get; } = [];
    public InboxSort Sort { get; set; } = InboxSort.Due;
    public bool Descending { get; set; }

    public bool HasFilters => DefinitionKey is not null || !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(BusinessKey)
        || !string.IsNullOrWhiteSpace(Assignee) || MinPriority is not null || DueFrom is not null || DueTo is not null
        || FollowUpFrom is not null || FollowUpTo is not null || Variables.Count > 0;

    public InboxFilter ToFilter() => new()
    {
        View = View, DefinitionKey = DefinitionKey, Name = Blank(Name), BusinessKey = Blank(BusinessKey), Assignee = Blank(Assignee),
        MinPriority = MinPriority, DueFrom = From(DueFrom), DueTo = To(DueTo), FollowUpFrom = From(FollowUpFrom), FollowUpTo = To(FollowUpTo),
        Variables = [.. Variables], Sort = Sort, Descending = Descending,
    };

    public void Load(InboxFilter filter)
    {
        View = filter.View;
        DefinitionKey = filter.DefinitionKey;
        Name = filter.Name;
        BusinessKey = filter.BusinessKey;
        Assignee = filter.Assignee;
        MinPriority = filter.MinPriority;
        DueFrom = filter.DueFrom?.UtcDateTime.Date;
        DueTo = filter.DueTo?.UtcDateTime.Date;
        FollowUpFrom = filter.FollowUpFrom?.UtcDateTime.Date;
        FollowUpTo = filter.FollowUpTo?.UtcDateTime.Date;
        Variables.Clear();
        Variables.AddRange(filter.Variables);
        Sort = filter.Sort;
        Descending = filter.Descending;
    }

    public void Clear()
    {
        var view = View;
        Load(new InboxFilter { View = view });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? From(DateTime? day) => day is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Utc)) : null;

    private static DateTimeOffset? To(DateTime? day) => day is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.Date.AddDays(1), DateTimeKind.Utc)).AddTicks(-1) : null;
}
