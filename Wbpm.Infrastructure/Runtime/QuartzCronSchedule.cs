using System.Collections.Concurrent;
using Quartz;
using Wbpm.Domain.Engine;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Cron timers with Quartz's parser (seconds field first, as Quartz and Camunda 7). Expressions are evaluated in UTC;
/// parsed expressions are cached because a cycle is evaluated again every time it fires.
/// </summary>
public sealed class QuartzCronSchedule : ICronSchedule
{
    private readonly ConcurrentDictionary<string, CronExpression> _parsed = new(StringComparer.Ordinal);

    public DateTimeOffset? NextOccurrence(string cronExpression, DateTimeOffset after)
    {
        var expression = _parsed.GetOrAdd(cronExpression.Trim(), text => CronInUtc(text));
        // CronExpression is not documented as thread-safe: evaluate under its own lock.
        lock (expression)
            return expression.GetNextValidTimeAfter(after);
    }

    private static CronExpression CronInUtc(string text) => new CronExpression(text).WithTimeZone(TimeZoneInfo.Utc);
}
