using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Computes when a timer is due. <see cref="Iso8601TimerSchedule"/> implements ISO 8601 dates, durations and
/// repeating intervals and delegates cron to an <see cref="ICronSchedule"/> (Quartz in Infrastructure).
/// </summary>
public interface ITimerSchedule
{
    /// <summary>The first due time of a timer armed at <paramref name="now"/>; null when it never fires.</summary>
    TimerDue? FirstDue(TimerKind kind, string value, DateTimeOffset now);

    /// <summary>The due time after <paramref name="previousDue"/> for a cycle; null when the cycle is over.</summary>
    DateTimeOffset? NextCycleDue(string cycle, DateTimeOffset previousDue);
}

/// <param name="Due">When it fires first.</param>
/// <param name="RemainingRepetitions">For cycles: how many more times after this one (null = forever); 0 = fire once.</param>
public sealed record TimerDue(DateTimeOffset Due, int? RemainingRepetitions);

/// <summary>Next occurrence of a cron expression strictly after a time (implemented with Quartz in Infrastructure).</summary>
public interface ICronSchedule
{
    DateTimeOffset? NextOccurrence(string cronExpression, DateTimeOffset after);
}
