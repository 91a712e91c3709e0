using System.Globalization;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>
/// Temporal functions (DMN 1.3 §10.3.4.1 and §10.3.4.7). now() and today() read the `now` passed in by
/// the caller, never the system clock, so evaluations are deterministic.
/// </summary>
internal static class TemporalFunctions
{
    public static IEnumerable<BuiltInFunction> All =>
    [
        new("now", "now()", 0, 0, (_, c) => c.Now),
        new("today", "today()", 0, 0, (_, c) => DateOnly.FromDateTime(c.Now.DateTime)),
        new("day of week", "day of week(date)", 1, 1, (a, _) => DateOf(a.At(0))?.DayOfWeek.ToString()),
        new("day of year", "day of year(date)", 1, 1, (a, _) => DateOf(a.At(0)) is { } d ? (decimal)d.DayOfYear : null),
        new("week of year", "week of year(date)", 1, 1, (a, _) => DateOf(a.At(0)) is { } d ? (decimal)ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)) : null),
        new("month of year", "month of year(date)", 1, 1, (a, _) => DateOf(a.At(0)) is { } d ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month) : null),
        new("last day of month", "last day of month(date)", 1, 1, (a, _) => DateOf(a.At(0)) is { } d ? new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)) : null),
        new("years and months duration", "years and months duration(from, to)", 2, 2, (a, _) => MonthsBetween(a.At(0), a.At(1))),
    ];

    /// <summary>The date of a date or a date-time (its local date in its own offset).</summary>
    internal static DateOnly? DateOf(object? value) => value switch
    {
        DateOnly date => date,
        DateTimeOffset dateTime => DateOnly.FromDateTime(dateTime.DateTime),
        DateTime local => DateOnly.FromDateTime(local),
        _ => null,
    };

    /// <summary>Whole months from one date (or date-time) to another, truncated toward zero like java.time.Period.</summary>
    private static object? MonthsBetween(object? fromValue, object? toValue)
    {
        if (LocalDateTime(fromValue) is not { } from || LocalDateTime(toValue) is not { } to)
        {
            return null;
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        var toRest = to.AddMonths(-months);
        if (months > 0 && toRest < from)
        {
            months--;
        }
        else if (months < 0 && toRest > from)
        {
            months++;
        }

        return new FeelYearsMonthsDuration(months);
    }

    private static DateTime? LocalDateTime(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset dateTime => dateTime.DateTime,
        DateTime local => local,
        _ => null,
    };
}
