using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;

namespace Wbpm.Tests.Domain.Modeling;

public sealed class TimerSyntaxTests
{
    [Theory]
    [InlineData("0 0 12 * * ?")]
    [InlineData("0 15 10 ? * MON-FRI")]
    [InlineData("0 15 10 15W * ?")]
    [InlineData("0 15 10 LW * ?")]
    [InlineData("0 15 10 L-3 * ?")]
    [InlineData("0 15 10 ? * 6L")]
    [InlineData("0 15 10 ? * 2#1 2030")]
    [InlineData("0/30 * * * * ?")]
    [InlineData("*/15 9-17 * * 1-5")]
    [InlineData("0 9 1,15 JAN,JUL *")]
    public void AcceptsCron(string expression) => Assert.Null(CronSyntax.Check(expression));

    [Theory]
    [InlineData("", "expected 5, 6 or 7 fields")]
    [InlineData("0 0 12 * * ? 2030 extra", "expected 5, 6 or 7 fields")]
    [InlineData("60 * * * * ?", "seconds field")]
    [InlineData("0 0 12 * * *", "must be '?'")]
    [InlineData("0 0 12 ? * 8", "day of week field")]
    [InlineData("0 0 12 ? FOO *", "month field")]
    [InlineData("0 0/0 12 * * ?", "positive number")]
    [InlineData("? * * * *", "only allowed for day of month or day of week")]
    public void RejectsCronSayingWhy(string expression, string expected) =>
        Assert.Contains(expected, CronSyntax.Check(expression));

    [Theory]
    [InlineData(TimerKind.Duration, "P1W")]
    [InlineData(TimerKind.Duration, "PT0.5S")]
    [InlineData(TimerKind.Date, "2026-02-28")]
    [InlineData(TimerKind.Cycle, "R5/PT1M")]
    [InlineData(TimerKind.Cycle, "R/PT1H/2027-01-01T00:00:00Z")]
    public void AcceptsIso8601(TimerKind kind, string value) => Assert.Null(TimerDefinitionSyntax.Check(kind, value));

    [Theory]
    [InlineData(TimerKind.Duration, "P")]
    [InlineData(TimerKind.Duration, "PT1H30")]
    [InlineData(TimerKind.Date, "2026-02-30T10:00:00Z")]
    [InlineData(TimerKind.Cycle, "R3")]
    [InlineData(TimerKind.Cycle, "Rx/PT1M")]
    public void RejectsInvalidIso8601(TimerKind kind, string value) => Assert.NotNull(TimerDefinitionSyntax.Check(kind, value));
}
