using System.Globalization;
using Wbpm.Domain.Expressions.Values;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>Conversion functions (DMN 1.3 §10.3.4.1): string, number and the temporal constructors.</summary>
internal static class ConversionFunctions
{
    public static IEnumerable<BuiltInFunction> All =>
    [
        new("string", "string(from)", 1, 1, (a, c) => FeelFormatter.ToFeelString(a.At(0), c)),
        new("number", "number(from, grouping separator?, decimal separator?)", 1, 3, Number),
        new("date", "date(from) or date(year, month, day)", 1, 3, Date),
        new("time", "time(from) or time(hour, minute, second)", 1, 3, Time),
        new("date and time", "date and time(from) or date and time(date, time)", 1, 2, DateAndTime),
        new("duration", "duration(from)", 1, 1, (a, _) => a.At(0) switch
        {
            string text => TemporalParser.ParseDuration(text),
            TimeSpan or FeelYearsMonthsDuration => a.At(0),
            _ => null,
        }),
    ];

    /// <summary>number("1,000.5", ",", ".") = 1000.5. Separators: grouping one of space , . ; decimal one of . ,</summary>
    private static object? Number(IReadOnlyList<object?> a, Evaluation.EvaluationContext _)
    {
        if (a.At(0) is decimal number && a.Count == 1)
        {
            return number;
        }

        if (a.StringAt(0) is not { } text)
        {
            return null;
        }

        var grouping = a.StringAt(1);
        var separator = a.StringAt(2);
        if (grouping is not (null or " " or "," or ".") || separator is not (null or "." or ",") || (grouping is not null && grouping == separator))
        {
            return null;
        }

        if (grouping is not null)
        {
            text = text.Replace(grouping, "", StringComparison.Ordinal);
        }

        if (separator is not null)
        {
            text = text.Replace(separator, ".", StringComparison.Ordinal);
        }

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static object? Date(IReadOnlyList<object?> a, Evaluation.EvaluationContext _)
    {
        if (a.Count == 3)
        {
            if (a.OptionalIntAt(0, 0) is not { } year || a.OptionalIntAt(1, 0) is not { } month || a.OptionalIntAt(2, 0) is not { } day
                || a.Any(x => x is null))
            {
                return null;
            }

            return DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        }

        return a.Count == 1 ? a[0] switch
        {
            string text => TemporalParser.ParseDate(text),
            var other => TemporalFunctions.DateOf(other),
        } : null;
    }

    private static object? Time(IReadOnlyList<object?> a, Evaluation.EvaluationContext _)
    {
        if (a.Count == 3)
        {
            if (a.OptionalIntAt(0, 0) is not { } hour || a.OptionalIntAt(1, 0) is not { } minute || a.NumberAt(2) is not { } second
                || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or >= 60)
            {
                return null;
            }

            return new TimeOnly(hour, minute).Add(TimeSpan.FromTicks((long)(second * TimeSpan.TicksPerSecond)));
        }

        return a.Count == 1 ? a[0] switch
        {
            string text => TemporalParser.ParseTime(text),
            TimeOnly time => time,
            DateTimeOffset dateTime => TimeOnly.FromDateTime(dateTime.DateTime),
            DateTime local => TimeOnly.FromDateTime(local),
            DateOnly => TimeOnly.MinValue,
            _ => null,
        } : null;
    }

    private static object? DateAndTime(IReadOnlyList<object?> a, Evaluation.EvaluationContext _)
    {
        if (a.Count == 2)
        {
            return (TemporalFunctions.DateOf(a[0]), a[1]) switch
            {
                ({ } date, TimeOnly time) => date.ToDateTime(time, DateTimeKind.Unspecified),
                _ => null,
            };
        }

        return a[0] switch
        {
            string text => TemporalParser.ParseDateTime(text),
            DateTimeOffset or DateTime => a[0],
            DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
            _ => null,
        };
    }
}
