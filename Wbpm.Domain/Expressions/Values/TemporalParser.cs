using System.Globalization;
using System.Text.RegularExpressions;

namespace Wbpm.Domain.Expressions.Values;

/// <summary>
/// Parses the ISO 8601 forms FEEL accepts in date(), time(), date and time(), duration() and @"..."
/// literals (DMN 1.3 §10.3.4.1, XML Schema lexical forms). Returns null for anything invalid.
/// Time zone ids (e.g. "@Europe/Paris") are not supported: resolving them would read host time zone data.
/// </summary>
internal static partial class TemporalParser
{
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Local time "10:30:00" (fractions allowed). Times with an offset are not supported.</summary>
    public static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>
    /// "2025-01-31T10:30:00Z" or "...+02:00" give a <see cref="DateTimeOffset"/>; without an offset, a local
    /// <see cref="DateTime"/> (Kind Unspecified). A bare date means midnight local.
    /// </summary>
    public static object? ParseDateTime(string text)
    {
        if (ParseDate(text) is { } dateOnly)
        {
            return dateOnly.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        }

        var tIndex = text.IndexOf('T', StringComparison.Ordinal);
        if (tIndex != 10 || ParseDate(text[..10]) is not { } date)
        {
            return null;
        }

        var timePart = text[11..];
        TimeSpan? offset = null;
        if (timePart.EndsWith('Z'))
        {
            offset = TimeSpan.Zero;
            timePart = timePart[..^1];
        }
        else if (timePart.Length > 6 && timePart[^6] is '+' or '-' && timePart[^3] == ':')
        {
            if (!int.TryParse(timePart[^5..^3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(timePart[^2..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return null;
            }

            var span = new TimeSpan(hours, minutes, 0);
            offset = timePart[^6] == '-' ? -span : span;
            timePart = timePart[..^6];
        }

        if (ParseTime(timePart) is not { } time)
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (offset is null)
        {
            return local;
        }

        try
        {
            return new DateTimeOffset(local, offset.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// "P3D", "PT2H30M", "-P1DT0.5S" give a days-and-time duration (<see cref="TimeSpan"/>); "P1Y2M" a
    /// years-and-months duration. Mixing both kinds is not a FEEL duration (DMN 1.3 §10.3.2.3.7-8).
    /// </summary>
    public static object? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || text.EndsWith('T') || text is "P" or "-P")
        {
            return null;
        }

        var negative = match.Groups["sign"].Success;
        bool HasAny(params string[] names) => names.Any(n => match.Groups[n].Success);
        decimal Value(string name) =>
            match.Groups[name].Success ? decimal.Parse(match.Groups[name].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0m;

        var hasYearMonth = HasAny("years", "months");
        var hasDayTime = HasAny("weeks", "days", "hours", "minutes", "seconds");
        if (hasYearMonth == hasDayTime)
        {
            return null; // both kinds, or no component at all
        }

        try
        {
            if (hasYearMonth)
            {
                var months = checked((int)((Value("years") * 12) + Value("months")));
                return new FeelYearsMonthsDuration(negative ? -months : months);
            }

            var seconds = (Value("weeks") * 7 * 86_400) + (Value("days") * 86_400) + (Value("hours") * 3_600)
                + (Value("minutes") * 60) + Value("seconds");
            var ticks = checked((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
            return TimeSpan.FromTicks(negative ? -ticks : ticks);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The @"..." literal: the shape of the text picks the type.</summary>
    public static object? ParseAny(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            return ParseDuration(text);
        }

        if (text.Contains('T', StringComparison.Ordinal))
        {
            return ParseDateTime(text);
        }

        return text.Contains(':', StringComparison.Ordinal) ? ParseTime(text) : ParseDate(text);
    }

    [GeneratedRegex(
        @"^(?<sign>-)?P(?:(?<years>\d{1,9})Y)?(?:(?<months>\d{1,9})M)?(?:(?<weeks>\d{1,9})W)?(?:(?<days>\d{1,9})D)?(?:T(?:(?<hours>\d{1,9})H)?(?:(?<minutes>\d{1,9})M)?(?:(?<seconds>\d{1,9}(?:\.\d{1,9})?)S)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DurationPattern();
}
