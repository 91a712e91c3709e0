using System.Text.Json;
using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

public sealed class ProcessInstanceStateJsonTests
{
    [Fact]
    public void AStateWithScopesTokensWaitsAndMultiInstanceBookkeepingRoundTrips()
    {
        var run = Deploy("MultiInstanceTasks").Start(Vars(("reviewers", new[] { "ann", "ben" }), ("nested", new { a = 1, b = new[] { true } })));
        var json = ProcessInstanceStateJson.Serialize(run.State);

        var back = ProcessInstanceStateJson.Deserialize(json);

        Assert.Equal(json, ProcessInstanceStateJson.Serialize(back));
        Assert.Equal(run.State.Tokens.Select(t => (t.Id, t.ElementId, t.ScopeId, t.State)), back.Tokens.Select(t => (t.Id, t.ElementId, t.ScopeId, t.State)));
        Assert.Equal(run.State.Waits, back.Waits);
        Assert.Equal(2, back.Scopes.Single(s => s.Kind == ScopeKind.MultiInstanceBody).MultiInstance!.Items.Count);
        Assert.True(JsonElement.DeepEquals(run.Variable("nested"), back.ProcessVariables["nested"]));
    }

    [Fact]
    public void EnumsAreWrittenAsNamesAndComputedPropertiesAreNotStored()
    {
        var run = Deploy("UserTaskWait").Start(Vars(("reviewer", "erin"), ("region", "north"), ("amount", 1)));

        var json = ProcessInstanceStateJson.Serialize(run.State);

        Assert.Contains("\"status\":\"Active\"", json);
        Assert.Contains("\"kind\":\"UserTask\"", json);
        Assert.DoesNotContain("hasIncident", json);
        Assert.DoesNotContain("processVariables", json);
    }

    [Fact]
    public void NullJsonIsRefused()
    {
        Assert.Throws<JsonException>(() => ProcessInstanceStateJson.Deserialize("null"));
    }
}
