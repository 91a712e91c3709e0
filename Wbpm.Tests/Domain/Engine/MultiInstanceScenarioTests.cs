using System.Text.Json;
using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// MultiInstanceTasks:
/// <code>
/// (start) --> [review ||| over reviewers as reviewer, out verdicts/verdict] --> [approve ≡ 3 times, until approved] --> (end)
/// </code>
/// MultiInstanceSubProcess:
/// <code>
/// (start) --> [ each ≡ over items as item: (s) --> [calc: double = item*2 + loopCounter] --> (e) ] (out doubled/double) --> (end)
/// </code>
/// </summary>
public sealed class MultiInstanceScenarioTests
{
    [Fact]
    public void ParallelMultiInstanceCreatesOneTaskPerElementWithTheElementVariable()
    {
        var run = Deploy("MultiInstanceTasks").Start(Vars(("reviewers", new[] { "ann", "ben", "cy" })));

        Assert.Equal(["ann", "ben", "cy"], run.OpenUserTasks.Select(t => t.Assignee));
        var body = run.State.Scopes.Single(s => s.Kind == ScopeKind.MultiInstanceBody);
        Assert.Equal(3, body.Variables["nrOfInstances"].GetInt32());
        Assert.Equal(3, body.Variables["nrOfActiveInstances"].GetInt32());
    }

    [Fact]
    public void EachTaskSeesItsOwnElementVariableAndTheActivityCountsItsTokens()
    {
        var run = Deploy("MultiInstanceTasks").Start(Vars(("reviewers", new[] { "ann", "ben" })));

        var seen = run.OpenUserTasks.Select(t => run.State.VariablesVisibleAt(t.TokenId)!["reviewer"].GetString());
        Assert.Equal(["ann", "ben"], seen);
        Assert.Equal(3, Assert.Single(run.State.ActiveElements()).Count); // body + two inner instances
        Assert.Null(run.State.VariablesVisibleAt("no-token"));
    }

    [Fact]
    public void ParallelMultiInstanceCollectsTheOutputsInInputOrderAndThenLeaves()
    {
        var run = Deploy("MultiInstanceTasks").Start(Vars(("reviewers", new[] { "ann", "ben" })));
        var tasks = run.OpenUserTasks;

        run.Execute(new Wbpm.Domain.Runtime.CompleteUserTask(tasks[1].TaskId, Vars(("verdict", "no"))));
        Assert.Single(run.OpenUserTasks, t => t.ElementId == "review");
        run.Execute(new Wbpm.Domain.Runtime.CompleteUserTask(tasks[0].TaskId, Vars(("verdict", "yes"))));

        Assert.Equal(["yes", "no"], run.Variable("verdicts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["approve"], run.ActiveElements.Distinct());
    }

    [Fact]
    public void SequentialMultiInstanceRunsOneAtATimeAndStopsAtTheCompletionCondition()
    {
        var run = Deploy("MultiInstanceTasks").Start(Vars(("reviewers", Array.Empty<string>())));
        Assert.Equal("approve", Assert.Single(run.OpenUserTasks).ElementId); // empty collection: zero instances

        run.CompleteTask("approve", Vars(("approved", false)));
        var second = Assert.Single(run.OpenUserTasks);
        Assert.Equal(1, run.State.Scopes.Single(s => s.Kind == ScopeKind.MultiInstanceInner).Variables["loopCounter"].GetInt32());

        run.CompleteTask("approve", Vars(("approved", true)));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal(2, run.EffectsOf<UserTaskCreated>().Count(t => t.ElementId == "approve"));
        Assert.NotEqual(second.TaskId, run.EffectsOf<UserTaskCreated>()[0].TaskId);
    }

    [Fact]
    public void MultiInstanceSubprocessRunsItsScopePerItemWithLoopCounter()
    {
        var run = Deploy("MultiInstanceSubProcess").Start(Vars(("items", new[] { 10, 20, 30 })));

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal([20m, 41m, 62m], run.Variable("doubled").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.Equal(3, run.History(HistoryEventKind.Completed).Count(e => e == "calc"));
    }

    [Fact]
    public void ACollectionThatIsNotAListRaisesAnIncident()
    {
        var run = Deploy("MultiInstanceSubProcess").Start(Vars(("items", 5)));

        Assert.Contains("not a list", Assert.Single(run.EffectsOf<IncidentRaised>()).Message);
        Assert.Equal(JsonValueKind.Number, run.Variable("items").ValueKind);
    }
}
