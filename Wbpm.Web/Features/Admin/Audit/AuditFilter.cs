using Wbpm.Infrastructure.Administration;

namespace Wbpm.Web.Features.Admin.Audit;

/// <summary>
/// The audit page's filter fields. Dates are whole days in UTC (the times shown are UTC too), and the "to" day is
/// inclusive: picking the same day twice shows that day's entries.
/// </summary>
public sealed class AuditFilter
{
    public string? Action { get; set; }
    public string? Actor { get; set; }
    public string? Search { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(Actor)
        && string.IsNullOrWhiteSpace(Search) && From is null && To is null;

    public AuditQuery ToQuery(int skip, int take) => new(
        Search: Blank(Search),
        Action: Blank(Action),
        Actor: Blank(Actor),
        From: From is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
        To: To is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc)).AddTicks(-1) : null,
        Skip: skip,
        Take: take);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
