using System.Globalization;
using System.Text.RegularExpressions;

namespace Wbpm.Domain.Modeling.Validation;

/// <summary>
/// Syntax of timer values (BPMN 2.0 section 10.5.5 points to ISO 8601): timeDate is a date-time, timeDuration a
/// duration, timeCycle a repeating interval "R[n]/[start/]duration" or a cron expression (<see cref="CronSyntax"/>).
/// </summary>
public static partial class TimerDefinitionSyntax
{
    /// <summary>Null when valid, otherwise what is wrong, for a designer.</summary>
    public static string? Check(TimerKind kind, string value) => kind switch
    {
        TimerKind.Date => IsDateTime(value) ? null : $"'{value}' is not an ISO 8601 date-time such as 2026-01-31T09:00:00Z.",
        TimerKind.Duration => IsDuration(value) ? null : $"'{value}' is not an ISO 8601 duration such as PT15M or P2DT4H.",
        _ => CheckCycle(value),
    };

    public static bool IsDuration(string value) => DurationPattern().IsMatch(value) && value != "PT" && value.Any(char.IsDigit);

    public static bool IsDateTime(string value) =>
        DateTimePattern().IsMatch(value) &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static string? CheckCycle(string value)
    {
        if (value.StartsWith('R'))
            return IsRepeatingInterval(value) ? null : $"'{value}' is not an ISO 8601 repeating interval such as R3/PT10M or R/2026-01-01T08:00:00Z/P1D.";
        return CronSyntax.Check(value) is { } cronProblem
            ? $"'{value}' is neither an ISO 8601 repeating interval (R3/PT10M) nor a valid cron expression: {cronProblem}"
            : null;
    }

    private static bool IsRepeatingInterval(string value)
    {
        var parts = value.Split('/');
        if (!RepetitionPattern().IsMatch(parts[0])) return false;
        return parts.Length switch
        {
            2 => IsDuration(parts[1]),
            3 => (IsDateTime(parts[1]) && IsDuration(parts[2])) || (IsDuration(parts[1]) && IsDateTime(parts[2])),
            _ => false,
        };
    }

    [GeneratedRegex(@"^P(?:\d+(?:[.,]\d+)?W|(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:[.,]\d+)?S)?)?)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^R\d*$")]
    private static partial Regex RepetitionPattern();
}
