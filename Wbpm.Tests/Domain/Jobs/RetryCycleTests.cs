using Wbpm.Domain.Jobs;
using Wbpm.Domain.Security;

namespace Wbpm.Tests.Domain.Jobs;

public sealed class RetryCycleTests
{
    [Theory]
    [InlineData("R3/PT10S", 3, 10)]
    [InlineData("R5/PT1M", 5, 60)]
    [InlineData("R1/P1D", 1, 86_400)]
    [InlineData("R10/PT1H30M", 10, 5_400)]
    [InlineData("R2/PT0S", 2, 0)]
    [InlineData(" R3/PT10S ", 3, 10)]
    public void ParsesAttemptsAndInterval(string text, int attempts, int seconds)
    {
        var cycle = RetryCycle.Parse(text);
        Assert.Equal(attempts, cycle.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(seconds), cycle.Interval);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankMeansThreeAttemptsTenSecondsApart(string? text)
    {
        Assert.Equal(RetryCycle.Default, RetryCycle.Parse(text));
        Assert.Equal("R3/PT10S", RetryCycle.Parse(text).ToString());
    }

    [Theory]
    [InlineData("R3")]
    [InlineData("PT10S")]
    [InlineData("R0/PT10S")]
    [InlineData("R101/PT10S")]
    [InlineData("R-1/PT10S")]
    [InlineData("Rx/PT10S")]
    [InlineData("R3/10S")]
    [InlineData("R3/PT")]
    [InlineData("R3/-PT10S")]
    [InlineData("R3/PT10S/PT5S")]
    [InlineData("R3/P1Q")]
    public void RejectsWhatIsNotARepeatingIsoInterval(string text)
    {
        var error = Assert.Throws<ValidationException>(() => RetryCycle.Parse(text));
        Assert.Contains("R3/PT10S", error.Message);
        Assert.False(RetryCycle.TryParse(text, out _));
    }

    [Fact]
    public void FormatsBackToIso8601()
    {
        Assert.Equal("R4/PT1M30S", RetryCycle.Parse("R4/PT90S").ToString());
    }
}
