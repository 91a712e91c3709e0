using System.Globalization;
using System.Xml;
using Wbpm.Domain.Security;

namespace Wbpm.Domain.Jobs;

/// <summary>
/// How often a failing job is attempted and how long to wait between attempts: an ISO 8601 repeating interval
/// <c>R{attempts}/{duration}</c> such as <c>R3/PT10S</c> (three attempts, ten seconds apart), as Camunda's
/// failedJobRetryTimeCycle. The repetition count is the total number of attempts, so R3 means at most three runs.
/// </summary>
public sealed record RetryCycle
{
    public const int MaxAttempts = 100;

    private RetryCycle(int attempts, TimeSpan interval)
    {
        Attempts = attempts;
        Interval = interval;
    }

    public static RetryCycle Default { get; } = new(3, TimeSpan.FromSeconds(10));

    public int Attempts { get; }
    public TimeSpan Interval { get; }

    public static RetryCycle Of(int attempts, TimeSpan interval)
    {
        if (attempts is < 1 or > MaxAttempts)
            throw ValidationException.For("RetryCycle", $"A retry cycle has 1 to {MaxAttempts} attempts.");
        if (interval < TimeSpan.Zero)
            throw ValidationException.For("RetryCycle", "A retry cycle's interval cannot be negative.");
        return new RetryCycle(attempts, interval);
    }

    /// <summary>Parses <c>R{n}/{ISO 8601 duration}</c>; blank means <see cref="Default"/>. Bad input throws a clear error.</summary>
    public static RetryCycle Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Default;
        return TryParse(text, out var cycle)
            ? cycle
            : throw ValidationException.For("RetryCycle",
                $"'{text}' is not a retry cycle: use R<attempts>/<ISO 8601 duration>, for example R3/PT10S.");
    }

    public static bool TryParse(string? text, out RetryCycle cycle)
    {
        cycle = Default;
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2 || parts[0].Length < 2 || parts[0][0] is not ('R' or 'r'))
            return false;
        if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts)
            || attempts is < 1 or > MaxAttempts)
            return false;
        if (!TryParseDuration(parts[1], out var interval))
            return false;
        cycle = new RetryCycle(attempts, interval);
        return true;
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        // xs:duration is ISO 8601's duration format; it also accepts a leading '-', which a wait time cannot be.
        if (text.Length < 3 || text[0] != 'P' || text.EndsWith('T'))
            return false;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public override string ToString() => $"R{Attempts}/{XmlConvert.ToString(Interval)}";
}
