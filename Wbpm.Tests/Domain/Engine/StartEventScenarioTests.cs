using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (plain) / (nightly: cron) / (byMessage "order-placed") / (bySignal "start-all") --> [work] --> (end)
/// </code>
/// The infrastructure schedules timer starts and opens start subscriptions; the engine starts at the given event.
/// </summary>
public sealed class StartEventScenarioTests
{
    [Fact]
    public void TheDefinitionListsItsTriggeredStartEvents()
    {
        var run = EngineHarness.Deploy("StartEvents");

        Assert.Equal(["nightly", "byMessage", "bySignal"], run.Definition.TriggeredStartEvents.Select(s => s.Id));
    }

    [Theory]
    [InlineData("nightly")]
    [InlineData("byMessage")]
    [InlineData("bySignal")]
    public void StartingAtATriggeredStartEventRunsFromThatEvent(string startEventId)
    {
        var run = EngineHarness.Deploy("StartEvents").Start(EngineHarness.Vars(("payload", 1)), startEventId: startEventId);

        Assert.Equal([startEventId, "work"], run.History(HistoryEventKind.Started));
        Assert.Equal(1, run.Variable("payload").GetInt32());
    }

    [Fact]
    public void WithoutAStartEventIdTheNoneStartEventIsUsed()
    {
        var run = EngineHarness.Deploy("StartEvents").Start();
        Assert.Equal("plain", run.History(HistoryEventKind.Started)[0]);
    }

    [Fact]
    public void AnUnknownStartEventIsRejected()
    {
        var run = EngineHarness.Deploy("StartEvents");
        Assert.Throws<CommandRejectedException>(() => run.Start(startEventId: "work"));
    }
}
