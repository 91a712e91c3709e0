using Wbpm.Domain.Engine;
using Wbpm.Domain.Engine.Behaviors;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;
using static Wbpm.Tests.Domain.Engine.EngineHarness;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>What the infrastructure relies on: purity, determinism, and a behavior for every executable element.</summary>
public sealed class ProcessEngineContractTests
{
    private static readonly FeelEngine SharedFeel = new();

    private static EngineContext Context(IIdGenerator ids) =>
        new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), ids, SharedFeel, new Iso8601TimerSchedule(new EveryHourCron()));

    private sealed class CountingIds : IIdGenerator
    {
        private int _next;
        public string NewId() => "x" + ++_next;
    }

    [Fact]
    public void TheSameInputsGiveTheSameStateAndEffects()
    {
        var definition = Deploy("BoundaryEvents").Definition;
        var engine = new ProcessEngine();
        var start = new StartInstance(Variables: Vars(("orderId", "o-1")));

        var first = engine.Execute(definition, null, start, Context(new CountingIds()));
        var second = engine.Execute(definition, null, start, Context(new CountingIds()));

        Assert.Equal(ProcessInstanceStateJson.Serialize(first.State), ProcessInstanceStateJson.Serialize(second.State));
        Assert.Equal(first.Effects.Select(e => e.ToString()), second.Effects.Select(e => e.ToString()));
    }

    [Fact]
    public void OneEngineAndDefinitionServeManyInstancesInParallel()
    {
        var definition = Deploy("MultiInstanceSubProcess").Definition;
        var engine = new ProcessEngine();
        var start = new StartInstance(Variables: Vars(("items", Enumerable.Range(1, 20).ToArray())));
        var expected = ProcessInstanceStateJson.Serialize(engine.Execute(definition, null, start, Context(new CountingIds())).State);

        var results = new string[200];
        Parallel.For(0, results.Length, i =>
            results[i] = ProcessInstanceStateJson.Serialize(engine.Execute(definition, null, start, Context(new CountingIds())).State));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void TheGivenStateIsNeverChanged()
    {
        var run = Deploy("ParallelForkJoin").Start();
        var before = ProcessInstanceStateJson.Serialize(run.State);
        var state = run.State;

        new ProcessEngine().Execute(run.Definition, state, new CompleteUserTask(run.OpenTask("a").TaskId), Context(new CountingIds()));

        Assert.Equal(before, ProcessInstanceStateJson.Serialize(state));
    }

    [Fact]
    public void EveryExecutableFlowNodeKindHasABehavior()
    {
        var nodeKinds = typeof(FlowNode).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FlowNode)) && !t.IsAbstract)
            .Where(t => t != typeof(ComplexGateway) && t != typeof(BusinessRuleTask)) // not executable (ExecutableElements)
            .ToList();

        Assert.All(nodeKinds, t => Assert.Contains(t, BehaviorRegistry.SupportedNodeTypes));
    }

    [Fact]
    public void StartingWithAStateOrContinuingWithoutOneIsAProgrammingError()
    {
        var run = Deploy("PassThrough").Start();
        var engine = new ProcessEngine();

        Assert.Throws<ArgumentException>(() => engine.Execute(run.Definition, run.State, new StartInstance(), Context(new CountingIds())));
        Assert.Throws<ArgumentNullException>(() => engine.Execute(run.Definition, null, new CancelInstance(), Context(new CountingIds())));
        var other = Deploy("UserTaskWait").Definition;
        Assert.Throws<ArgumentException>(() => engine.Execute(other, run.State, new CancelInstance(), Context(new CountingIds())));
    }

    [Fact]
    public void SetVariablesWritesTheProcessScopeOrANamedScope()
    {
        var run = Deploy("SubProcessScopes").Start(Vars(("base", 1)));
        var sub = run.State.Scopes.Single(s => s.Kind == ScopeKind.SubProcess).Id;

        run.Execute(new SetVariables(Vars(("top", 1))));
        run.Execute(new SetVariables(Vars(("counter", 99)), sub));

        Assert.Equal(1, run.Variable("top").GetInt32());
        Assert.Contains("no-such-scope", Assert.Throws<CommandRejectedException>(() => run.Execute(new SetVariables(Vars(("x", 1)), "no-such-scope"))).Message);
        run.CompleteTask("check");
        Assert.Equal(99, run.Variable("total").GetInt32());
    }
}
