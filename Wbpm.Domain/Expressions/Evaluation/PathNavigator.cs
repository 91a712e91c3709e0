namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// `value.name` (DMN 1.3 §10.3.2.5 and the temporal properties of table 60): a context entry, the same
/// path mapped over a list, or a property of a date, time, date-time or duration. Anything else is null.
/// </summary>
internal static class PathNavigator
{
    public static object? Select(object? value, string name, EvaluationContext context)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> entries:
                return entries.TryGetValue(name, out var entry) ? entry : null;
            case IReadOnlyList<object?> list:
                context.AllocateList(list.Count);
                var results = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    context.Step();
                    results.Add(Select(item, name, context));
                }

                return results;
            default:
                return TemporalProperty(value, name);
        }
    }

    private static object? TemporalProperty(object? value, string name) => RawProperty(value, name) switch
    {
        int number => (decimal)number,
        var other => other,
    };

    private static object? RawProperty(object? value, string name) => (value, name) switch
    {
        (DateOnly d, "year") => d.Year,
        (DateOnly d, "month") => d.Month,
        (DateOnly d, "day") => d.Day,
        (DateOnly d, "weekday") => IsoWeekday(d.DayOfWeek),
        (TimeOnly t, "hour") => t.Hour,
        (TimeOnly t, "minute") => t.Minute,
        (TimeOnly t, "second") => t.Second + (t.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond),
        (DateTimeOffset dt, "time offset" or "offset") => dt.Offset,
        (DateTimeOffset dt, _) => RawProperty(dt.DateTime, name),
        (DateTime dt, "year" or "month" or "day" or "weekday") => RawProperty(DateOnly.FromDateTime(dt), name),
        (DateTime dt, "hour" or "minute" or "second") => RawProperty(TimeOnly.FromDateTime(dt), name),
        (TimeSpan s, "days") => s.Days,
        (TimeSpan s, "hours") => s.Hours,
        (TimeSpan s, "minutes") => s.Minutes,
        (TimeSpan s, "seconds") => s.Seconds,
        (FeelYearsMonthsDuration m, "years") => m.Years,
        (FeelYearsMonthsDuration m, "months") => m.Months,
        _ => null,
    };

    /// <summary>FEEL weekday: Monday = 1 ... Sunday = 7 (ISO 8601).</summary>
    private static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;
}
