using System.Globalization;

namespace Wbpm.Domain.Modeling.Validation;

/// <summary>
/// A syntactic check of cron expressions as the job scheduler accepts them: 5 fields (Unix: minute hour
/// day-of-month month day-of-week), 6 (Quartz: seconds first) or 7 (Quartz with year). Supports * ? , - / and the
/// Quartz specials L, W, LW, L-n (day of month) and nL, n#k (day of week), and month/day names.
/// </summary>
public static class CronSyntax
{
    private sealed record Field(string Name, int Min, int Max, string[]? Names = null, bool DayOfMonth = false, bool DayOfWeek = false);

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Field Second = new("seconds", 0, 59);
    private static readonly Field Minute = new("minutes", 0, 59);
    private static readonly Field Hour = new("hours", 0, 23);
    private static readonly Field Dom = new("day of month", 1, 31, DayOfMonth: true);
    private static readonly Field Month = new("month", 1, 12, Months);
    private static readonly Field Dow = new("day of week", 0, 7, Days, DayOfWeek: true);
    private static readonly Field Year = new("year", 1970, 2199);

    public static bool IsValid(string expression) => Check(expression) is null;

    /// <summary>Null when valid, otherwise the first problem found.</summary>
    public static string? Check(string expression)
    {
        var parts = expression.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        Field[] fields = parts.Length switch
        {
            5 => [Minute, Hour, Dom, Month, Dow],
            6 => [Second, Minute, Hour, Dom, Month, Dow],
            7 => [Second, Minute, Hour, Dom, Month, Dow, Year],
            _ => [],
        };
        if (fields.Length == 0) return $"expected 5, 6 or 7 fields separated by spaces, found {parts.Length}.";
        for (var i = 0; i < parts.Length; i++)
            if (CheckField(parts[i], fields[i]) is { } problem)
                return $"{fields[i].Name} field '{parts[i]}': {problem}";
        if (parts.Length > 5 && parts[3] != "?" && parts[5] != "?")
            return "with seconds (Quartz syntax), one of day of month and day of week must be '?'.";
        return null;
    }

    private static string? CheckField(string text, Field field)
    {
        foreach (var item in text.Split(','))
            if (CheckItem(item.ToUpperInvariant(), field) is { } problem) return problem;
        return null;
    }

    private static string? CheckItem(string item, Field field)
    {
        if (item.Length == 0) return "empty list item.";
        if (item == "?") return field.DayOfMonth || field.DayOfWeek ? null : "'?' is only allowed for day of month or day of week.";
        if (field.DayOfMonth && (item is "L" or "LW")) return null;
        if (field.DayOfMonth && item.StartsWith("L-", StringComparison.Ordinal))
            return InRange(item[2..], 0, 30, field) ? null : "L-n needs n between 0 and 30.";
        if (field.DayOfMonth && item.EndsWith('W'))
            return InRange(item[..^1], 1, 31, field) ? null : "nW needs a day between 1 and 31.";
        if (field.DayOfWeek && item == "L") return null;
        if (field.DayOfWeek && item.EndsWith('L'))
            return InRange(item[..^1], 0, 7, field) ? null : "nL needs a day of week.";
        if (field.DayOfWeek && item.Contains('#'))
        {
            var hash = item.Split('#');
            return hash.Length == 2 && InRange(hash[0], 0, 7, field) && InRange(hash[1], 1, 5, field)
                ? null : "n#k needs a day of week and an occurrence between 1 and 5.";
        }

        var slash = item.Split('/');
        if (slash.Length > 2) return "more than one '/'.";
        if (slash.Length == 2 && !(int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0))
            return $"the step after '/' must be a positive number.";
        var range = slash[0];
        if (range == "*") return null;
        var bounds = range.Split('-');
        if (bounds.Length > 2) return "more than one '-'.";
        foreach (var bound in bounds)
            if (!InRange(bound, field.Min, field.Max, field))
                return $"'{bound}' is not a value between {field.Min} and {field.Max}{(field.Names is null ? "" : " or a name")}.";
        return null;
    }

    private static bool InRange(string text, int min, int max, Field field)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value >= min && value <= max;
        return field.Names is not null && Array.IndexOf(field.Names, text) >= 0;
    }
}
