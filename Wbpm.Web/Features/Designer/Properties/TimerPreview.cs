using System.Globalization;
using System.Text.RegularExpressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Says in words when a timer fires ("after 2 days 4 hours", "every 10 minutes, 3 times", "every Monday at 09:00"),
/// or what is wrong with its value. The syntax rules are the validator's (<see cref="TimerDefinitionSyntax"/>).
/// </summary>
public static partial class TimerPreview
{
    public const string Date = "timeDate";
    public const string Duration = "timeDuration";
    public const string Cycle = "timeCycle";

    public sealed record Result(bool IsValid, string Text);

    public static Result Describe(string? type, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return new(false, "Enter a value to see when the timer fires.");
        value = value.Trim();
        if (value.StartsWith('=') || value.StartsWith("${", StringComparison.Ordinal))
            return new(true, "Computed when the timer starts, from the expression.");
        var kind = type switch { Date => TimerKind.Date, Duration => TimerKind.Duration, _ => TimerKind.Cycle };
        if (TimerDefinitionSyntax.Check(kind, value) is { } problem)
            return new(false, problem);
        return new(true, kind switch
        {
            TimerKind.Date => "Once, on " + DescribeDate(value),
            TimerKind.Duration => "After " + DescribeDuration(value),
            _ => value.StartsWith('R') ? DescribeRepeating(value) : DescribeCron(value),
        });
    }

    public static string DescribeDuration(string iso)
    {
        var match = DurationParts().Match(iso);
        var parts = new List<string>();
        void Add(string group, string unit)
        {
            if (match.Groups[group].Success && decimal.Parse(match.Groups[group].Value.Replace(',', '.'), CultureInfo.InvariantCulture) is var n && n != 0)
                parts.Add(n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s");
        }
        Add("w", "week"); Add("y", "year"); Add("mo", "month"); Add("d", "day"); Add("h", "hour"); Add("mi", "minute"); Add("s", "second");
        return parts.Count == 0 ? "no time at all" : string.Join(" ", parts);
    }

    private static string DescribeRepeating(string value)
    {
        var parts = value.Split('/');
        var times = parts[0].Length > 1 ? int.Parse(parts[0][1..], CultureInfo.InvariantCulture) : (int?)null;
        var duration = parts.Length == 2 ? parts[1] : TimerDefinitionSyntax.IsDuration(parts[1]) ? parts[1] : parts[2];
        var start = parts.Length == 3 ? (TimerDefinitionSyntax.IsDateTime(parts[1]) ? parts[1] : parts[2]) : null;
        var every = "Every " + DescribeDuration(duration) switch { var d when d.StartsWith("1 ", StringComparison.Ordinal) => d[2..], var d => d };
        var from = start is null ? "" : ", starting " + DescribeDate(start);
        var count = times switch { null => ", without end", 1 => ", once", var n => $", {n} times" };
        return every + from + count;
    }

    private static string DescribeDate(string value)
    {
        var date = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var zone = date.Offset == TimeSpan.Zero ? "UTC" : "UTC" + date.ToString("zzz", CultureInfo.InvariantCulture);
        return date.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({zone})";
    }

    // Quartz cron: seconds minutes hours day-of-month month day-of-week [year]. The common business schedules get
    // words; anything more unusual is shown as the schedule it is.
    private static string DescribeCron(string value)
    {
        var f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length >= 6 && IsNumber(f[0]) && IsNumber(f[1]) && IsNumber(f[2]) && f[4] == "*" && (f.Length == 6 || f[6] == "*"))
        {
            var at = $"at {int.Parse(f[2], CultureInfo.InvariantCulture):00}:{int.Parse(f[1], CultureInfo.InvariantCulture):00}";
            if (f[3] is "*" or "?" && f[5] is "*" or "?")
                return "Every day " + at;
            if (f[3] == "?" && DaysOfWeek(f[5]) is { } days)
                return days + " " + at;
            if (IsNumber(f[3]) && f[5] == "?")
                return $"On day {f[3]} of every month {at}";
        }
        return $"On the cron schedule '{value}' (seconds minutes hours day month weekday)";
    }

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static string? DaysOfWeek(string field)
    {
        static string Name(string d) => CultureInfo.InvariantCulture.DateTimeFormat.DayNames[Array.IndexOf(DayNames, d)];
        var upper = field.ToUpperInvariant();
        if (upper.Split('-') is [var from, var to] && DayNames.Contains(from) && DayNames.Contains(to))
            return $"{Name(from)} to {Name(to)}";
        var days = upper.Split(',');
        if (days.All(DayNames.Contains))
            return "Every " + string.Join(", ", days.Select(Name));
        return null;
    }

    private static bool IsNumber(string s) => s.All(char.IsAsciiDigit) && s.Length is > 0 and <= 2;

    [GeneratedRegex(@"^P(?:(?<w>\d+(?:[.,]\d+)?)W|(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?)$")]
    private static partial Regex DurationParts();
}
