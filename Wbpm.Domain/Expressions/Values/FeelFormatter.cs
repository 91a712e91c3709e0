using System.Globalization;
using System.Text;
using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Values;

/// <summary>The string() conversion (DMN 1.3 §10.3.4.1): canonical, culture-invariant text of any value.</summary>
internal static class FeelFormatter
{
    public static string FormatNumber(decimal value)
    {
        // 1.10 and 1.1 are the same FEEL number: drop trailing zeros of the decimal's scale.
        var normalized = value / 1.0000000000000000000000000000m;
        return normalized.ToString(CultureInfo.InvariantCulture);
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public static string FormatLocalDateTime(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public static string FormatDateTime(DateTimeOffset value)
    {
        var local = FormatLocalDateTime(value.DateTime);
        if (value.Offset == TimeSpan.Zero)
        {
            return local + "Z";
        }

        var sign = value.Offset < TimeSpan.Zero ? "-" : "+";
        return local + sign + value.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>ISO 8601 days-and-time duration: P1DT2H3M4.5S, -PT1H, PT0S.</summary>
    public static string FormatDuration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Duration();
        }

        builder.Append('P');
        if (value.Days > 0)
        {
            builder.Append(value.Days).Append('D');
        }

        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (value.Hours > 0 || value.Minutes > 0 || value.Seconds > 0 || fraction > 0)
        {
            builder.Append('T');
            if (value.Hours > 0)
            {
                builder.Append(value.Hours).Append('H');
            }

            if (value.Minutes > 0)
            {
                builder.Append(value.Minutes).Append('M');
            }

            if (value.Seconds > 0 || fraction > 0)
            {
                var seconds = value.Seconds + (fraction / (decimal)TimeSpan.TicksPerSecond);
                builder.Append(FormatNumber(seconds)).Append('S');
            }
        }

        return builder.ToString();
    }

    public static string FormatYearsMonths(FeelYearsMonthsDuration value)
    {
        var total = Math.Abs((long)value.TotalMonths);
        var sign = value.TotalMonths < 0 ? "-" : "";
        var years = total / 12;
        var months = total % 12;
        if (years == 0)
        {
            return $"{sign}P{months}M";
        }

        return months == 0 ? $"{sign}P{years}Y" : $"{sign}P{years}Y{months}M";
    }

    /// <summary>string(value): strings are returned as they are; null gives null.</summary>
    public static string? ToFeelString(object? value, EvaluationContext context)
    {
        if (value is null)
        {
            return null;
        }

        if (value is string text)
        {
            return text;
        }

        var builder = new StringBuilder();
        Append(builder, value, context);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, EvaluationContext context)
    {
        EvaluationContext.GuardStack();
        context.Step();
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                builder.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case IReadOnlyList<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, list[i], context);
                }

                builder.Append(']');
                break;
            case IReadOnlyDictionary<string, object?> entries:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in entries)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(key).Append(": ");
                    Append(builder, item, context);
                }

                builder.Append('}');
                break;
            case FeelRange range:
                builder.Append(range.StartIncluded ? '[' : '(');
                Append(builder, range.Start, context);
                builder.Append("..");
                Append(builder, range.End, context);
                builder.Append(range.EndIncluded ? ']' : ')');
                break;
            default:
                builder.Append(FormatScalar(value));
                break;
        }

        context.AllocateString(builder.Length);
    }

    private static string FormatScalar(object value) => value switch
    {
        decimal number => FormatNumber(number),
        bool flag => flag ? "true" : "false",
        DateOnly date => FormatDate(date),
        TimeOnly time => FormatTime(time),
        DateTimeOffset dateTime => FormatDateTime(dateTime),
        DateTime local => FormatLocalDateTime(local),
        TimeSpan duration => FormatDuration(duration),
        FeelYearsMonthsDuration duration => FormatYearsMonths(duration),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
