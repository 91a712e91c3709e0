using Wbpm.Web.Features.Designer.Properties;

namespace Wbpm.Tests.Web.Designer;

/// <summary>The panel's human-readable preview of timer values, and its verdict on invalid ones.</summary>
public sealed class TimerPreviewTests
{
    [Theory]
    [InlineData(TimerPreview.Duration, "PT15M", "After 15 minutes")]
    [InlineData(TimerPreview.Duration, "P2DT4H", "After 2 days 4 hours")]
    [InlineData(TimerPreview.Duration, "P1W", "After 1 week")]
    [InlineData(TimerPreview.Cycle, "R3/PT10M", "Every 10 minutes, 3 times")]
    [InlineData(TimerPreview.Cycle, "R/PT1H", "Every hour, without end")]
    [InlineData(TimerPreview.Cycle, "R/2026-01-05T08:00:00Z/P1D", "Every day, starting Monday 5 January 2026 at 08:00 (UTC), without end")]
    [InlineData(TimerPreview.Cycle, "0 0 9 ? * MON", "Every Monday at 09:00")]
    [InlineData(TimerPreview.Cycle, "0 30 8 ? * MON-FRI", "Monday to Friday at 08:30")]
    [InlineData(TimerPreview.Cycle, "0 0 18 * * ?", "Every day at 18:00")]
    [InlineData(TimerPreview.Cycle, "0 0 6 1 * ?", "On day 1 of every month at 06:00")]
    [InlineData(TimerPreview.Date, "2026-01-31T09:00:00Z", "Once, on Saturday 31 January 2026 at 09:00 (UTC)")]
    public void DescribesValidTimersInWords(string type, string value, string expected)
    {
        var preview = TimerPreview.Describe(type, value);

        Assert.True(preview.IsValid);
        Assert.Equal(expected, preview.Text);
    }

    [Theory]
    [InlineData(TimerPreview.Duration, "15 minutes")]
    [InlineData(TimerPreview.Date, "tomorrow")]
    [InlineData(TimerPreview.Cycle, "R3/PT")]
    public void ExplainsWhatIsWrongWithAnInvalidValue(string type, string value)
    {
        var preview = TimerPreview.Describe(type, value);

        Assert.False(preview.IsValid);
        Assert.Contains(value, preview.Text);
    }

    [Fact]
    public void AnExpressionIsComputedWhenTheTimerStarts() =>
        Assert.Equal(new TimerPreview.Result(true, "Computed when the timer starts, from the expression."), TimerPreview.Describe(TimerPreview.Duration, "= slaHours"));

    [Fact]
    public void AnEmptyValueAsksForOne() => Assert.False(TimerPreview.Describe(TimerPreview.Duration, " ").IsValid);
}
