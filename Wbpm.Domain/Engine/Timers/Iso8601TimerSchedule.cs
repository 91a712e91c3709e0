using System.Globalization;
using System.Xml;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// ISO 8601 timers (BPMN 2.0 section 10.5.5): timeDate "2026-01-31T09:00:00Z", timeDuration "PT15M", timeCycle
/// "R3/PT10M", "R/PT1H" (forever), "R2/2026-01-01T08:00:00Z/P1D" (start given). Anything else in a cycle is cron,
/// handed to the <see cref="ICronSchedule"/>.
/// </summary>
public sealed class Iso8601TimerSchedule(ICronSchedule cron) : ITimerSchedule
{
    public TimerDue? FirstDue(TimerKind kind, string value, DateTimeOffset now)
    {
        value = value.Trim();
        switch (kind)
        {
            case TimerKind.Date:
                return new TimerDue(ParseDateTime(value), 0);
            case TimerKind.Duration:
                return new TimerDue(Add(now, value), 0);
            default:
                if (!value.StartsWith('R'))
                    return cron.NextOccurrence(value, now) is { } next ? new TimerDue(next, null) : null;
                var cycle = RepeatingInterval.Parse(value);
                if (cycle.Repetitions == 0) return null;
                var first = cycle.Start ?? Add(now, cycle.Duration);
                return new TimerDue(first, cycle.Repetitions - 1);
        }
    }

    public DateTimeOffset? NextCycleDue(string cycle, DateTimeOffset previousDue)
    {
        cycle = cycle.Trim();
        if (!cycle.StartsWith('R')) return cron.NextOccurrence(cycle, previousDue);
        return Add(previousDue, RepeatingInterval.Parse(cycle).Duration);
    }

    /// <summary>Adds an ISO 8601 duration (years and months on the calendar, the rest as elapsed time).</summary>
    public static DateTimeOffset Add(DateTimeOffset from, string isoDuration)
    {
        var text = isoDuration.Trim();
        if (text.EndsWith('W') && text.StartsWith('P'))
            return from.AddDays(7 * double.Parse(text[1..^1].Replace(',', '.'), CultureInfo.InvariantCulture));
        var span = XmlConvert.ToTimeSpan(YearsMonthsRemoved(text, out var months));
        return from.AddMonths(months).Add(span);
    }

    private static string YearsMonthsRemoved(string duration, out int months)
    {
        // XmlConvert.ToTimeSpan treats a year as 365 days and a month as 30: apply them on the calendar instead.
        months = 0;
        var timeIndex = duration.IndexOf('T');
        var datePart = timeIndex < 0 ? duration[1..] : duration[1..timeIndex];
        var timePart = timeIndex < 0 ? "" : duration[timeIndex..];
        var rest = "";
        var number = "";
        foreach (var c in datePart)
        {
            if (char.IsDigit(c)) { number += c; continue; }
            var n = int.Parse(number, CultureInfo.InvariantCulture);
            if (c == 'Y') months += 12 * n;
            else if (c == 'M') months += n;
            else rest += number + c;
            number = "";
        }
        var result = "P" + rest + timePart;
        return result is "P" or "PT" ? "PT0S" : result;
    }

    private static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed record RepeatingInterval(int? Repetitions, DateTimeOffset? Start, string Duration)
    {
        public static RepeatingInterval Parse(string value)
        {
            var parts = value.Split('/');
            int? repetitions = parts[0].Length > 1 ? int.Parse(parts[0][1..], CultureInfo.InvariantCulture) : null;
            return parts.Length switch
            {
                2 => new RepeatingInterval(repetitions, null, parts[1]),
                3 when parts[1].StartsWith('P') => new RepeatingInterval(repetitions, ParseDateTime(parts[2]), parts[1]),
                3 => new RepeatingInterval(repetitions, ParseDateTime(parts[1]), parts[2]),
                _ => throw new FormatException($"'{value}' is not an ISO 8601 repeating interval."),
            };
        }
    }
}
