using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [review: in owner = upper case(requester); assignee =owner;
///              out approvedBy = owner, approved = decision = "yes"] --> (end)
/// </code>
/// </summary>
public sealed class TaskMappingScenarioTests
{
    [Fact]
    public void InputMappingsAreLocalToTheTaskAndItsAttributesSeeThem()
    {
        var run = Deploy("TaskMappings").Start(Vars(("requester", "zoe")));

        Assert.Equal("ZOE", run.OpenTask("review").Assignee);
        Assert.False(run.HasVariable("owner"));
    }

    [Fact]
    public void WithOutputMappingsOnlyTheMappedValuesReachTheProcess()
    {
        var run = Deploy("TaskMappings").Start(Vars(("requester", "zoe")));

        run.CompleteTask("review", Vars(("decision", "yes"), ("comment", "fine")));

        Assert.Equal("ZOE", run.Variable("approvedBy").GetString());
        Assert.True(run.Variable("approved").GetBoolean());
        Assert.False(run.HasVariable("comment"));
        Assert.False(run.HasVariable("decision"));
        Assert.False(run.HasVariable("owner"));
    }
}
