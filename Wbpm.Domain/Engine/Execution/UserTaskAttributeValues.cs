using System.Globalization;
using System.Text.Json;
using Wbpm.Domain.Expressions;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Turns evaluated user task attributes (literal text or FEEL results) into the task row's typed values. Anything
/// that makes no sense is an <see cref="EngineIncidentException"/>.
/// </summary>
internal static class UserTaskAttributeValues
{
    public const int DefaultPriority = 50;

    /// <summary>The assignee: blank text (e.g. an optional template parameter left empty) means nobody, not a user named "".</summary>
    public static string? Assignee(object? value) => FeelJson.ToText(value) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>Candidate users or groups: a FEEL list, or comma-separated text.</summary>
    public static IReadOnlyList<string> IdList(object? value) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => list.Select(FeelJson.ToText).OfType<string>().Where(s => s.Length > 0).ToList(),
        _ => (FeelJson.ToText(value) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
    };

    /// <summary>Due and follow-up dates: a date(-time), or a duration from now (ISO text "P2D" or a FEEL duration).</summary>
    public static DateTimeOffset? Date(object? value, string what, DateTimeOffset now) => value switch
    {
        null => null,
        DateTimeOffset dto => dto,
        DateTime local => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc)),
        DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        TimeSpan span => now + span,
        FeelYearsMonthsDuration months => now.AddMonths(months.TotalMonths),
        string text when text.StartsWith('P') => Iso8601TimerSchedule.Add(now, text),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw new EngineIncidentException($"The {what} '{FeelJson.ToText(value)}' is neither a date-time nor a duration."),
    };

    public static int Priority(object? value) => value switch
    {
        null => DefaultPriority,
        decimal d => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
        _ => throw new EngineIncidentException($"The priority '{FeelJson.ToText(value)}' is not a whole number."),
    };
}
