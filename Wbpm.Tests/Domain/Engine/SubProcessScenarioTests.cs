using Wbpm.Domain.Engine;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>
/// <code>
/// (start) --> [ sub (in counter = base*10, out total = counter):
///                 (subStart) --> [increment: counter = counter + 1] --> [check] --> (subEnd) ] --> (end)
/// </code>
/// </summary>
public sealed class SubProcessScenarioTests
{
    [Fact]
    public void InputMappingsMakeSubprocessLocalsThatOutputMappingsCarryOut()
    {
        var run = Deploy("SubProcessScopes").Start(Vars(("base", 4)));

        Assert.Equal(["check", "sub"], run.ActiveElements);
        var subScope = run.State.Scopes.Single(s => s.Kind == ScopeKind.SubProcess);
        Assert.Equal(41, subScope.Variables["counter"].GetInt32());
        Assert.False(run.HasVariable("counter"));

        run.CompleteTask("check");

        Assert.Equal(InstanceStatus.Completed, run.State.Status);
        Assert.Equal(41, run.Variable("total").GetInt32());
        Assert.False(run.HasVariable("counter"));
        Assert.Equal(["subStart", "increment", "check", "subEnd", "sub", "end"], run.History(HistoryEventKind.Completed).Skip(1));
    }
}
