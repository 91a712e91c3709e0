using Wbpm.Domain.Engine;
using Wbpm.Domain.Runtime;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [review: user task, assignee =reviewer, groups =["sales", region], priority =amount/10] --> (end)
/// </code>
/// </summary>
public sealed class UserTaskScenarioTests
{
    [Fact]
    public void WaitsWithATaskWhoseAttributesComeFromFeelAndLiterals()
    {
        var run = Deploy("UserTaskWait").Start(Vars(("reviewer", "erin"), ("region", "north"), ("amount", 250)));

        Assert.Equal(["review"], run.ActiveElements);
        var task = run.OpenTask("review");
        Assert.Equal("Review order", task.Name);
        Assert.Equal("erin", task.Assignee);
        Assert.Equal(["carol", "dave"], task.CandidateUsers);
        Assert.Equal(["sales", "north"], task.CandidateGroups);
        Assert.Equal(run.Now.AddDays(2), task.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), task.FollowUpDate);
        Assert.Equal(25, task.Priority);
        Assert.Equal("review-form", task.FormKey);
    }

    [Fact]
    public void CompletingTheTaskStoresItsVariablesAndContinues()
    {
        var run = Deploy("UserTaskWait").Start(Vars(("reviewer", "erin"), ("region", "north"), ("amount", 250)));

        run.CompleteTask("review", Vars(("approved", true)), user: "erin");

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.True(run.Variable("approved").GetBoolean());
        var completed = Assert.Single(run.EffectsOf<UserTaskCompleted>());
        Assert.Equal("erin", completed.User);
        Assert.Contains(run.EffectsOf<HistoryEvent>(), h => h.ElementId == "review" && h.Kind == HistoryEventKind.Completed && h.User == "erin");
    }

    [Fact]
    public void CompletingATaskTwiceIsRejectedAndChangesNothing()
    {
        var run = Deploy("UserTaskWait").Start(Vars(("reviewer", "erin"), ("region", "north"), ("amount", 250)));
        var taskId = run.OpenTask("review").TaskId;
        var before = run.State;
        run.CompleteTask("review");

        Assert.Throws<CommandRejectedException>(() => new ProcessEngine().Execute(
            run.Definition, run.State, new CompleteUserTask(taskId), new EngineContext(run.Now, new GuidIdGenerator(), new Wbpm.Domain.Expressions.FeelEngine(), new Iso8601TimerSchedule(new EveryHourCron()))));
        var unknown = Assert.Throws<CommandRejectedException>(() => new ProcessEngine().Execute(
            run.Definition, before, new CompleteUserTask("nope"), new EngineContext(run.Now, new GuidIdGenerator(), new Wbpm.Domain.Expressions.FeelEngine(), new Iso8601TimerSchedule(new EveryHourCron()))));
        Assert.Contains("nope", unknown.Message);
        Assert.Single(before.Tokens);
    }

    /// <summary>UserTaskBadPriority: (start) --> [review: priority =level] --> (end)</summary>
    [Fact]
    public void AnAttributeThatEvaluatesToNonsenseIsAnIncidentWithoutATaskAndResolvesOnceFixed()
    {
        var run = Deploy("UserTaskBadPriority").Start(Vars(("level", "high")));

        Assert.Contains("priority", Assert.Single(run.EffectsOf<IncidentRaised>()).Message);
        Assert.Empty(run.OpenUserTasks);
        Assert.Empty(run.State.Waits);

        run.Execute(new SetVariables(Vars(("level", 80))));
        run.Execute(new ResolveIncident(run.State.Incidents[0].Id));

        Assert.Equal(80, run.OpenTask("review").Priority);
        Assert.False(run.State.HasIncident);
    }
}
