namespace Wbpm.Tests.Support;

/// <summary>
/// Waits for a condition that background work will make true. The limit only keeps a broken build from hanging:
/// it is not an assertion about speed, and passing tests never come near it.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Still waiting after {Limit.TotalSeconds:0} s for: {what}");
            await Task.Delay(20);
        }
    }
}
