using System.Text.Json;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>
/// S1 through the pure engine only (no database): the ceiling the persistent S1 can approach. Includes serialising
/// the final state to JSON, as persistence would.
/// </summary>
public sealed class EngineInMemoryScenario : IBenchmarkScenario
{
    public string Name => "engine";

    public Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var definition = ExecutableDefinition.FromModel(BpmnReader.ReadString(BenchmarkModels.Read("S1StraightThrough.bpmn")), "s1");
        var engine = new ProcessEngine();
        var context = new EngineContext(DateTimeOffset.UtcNow, GuidIdGenerator.Instance, new FeelEngine(),
            new Iso8601TimerSchedule(new NoCron()));
        var variables = new Dictionary<string, JsonElement> { ["amount"] = JsonSerializer.SerializeToElement(750) };
        var start = new StartInstance(Variables: variables);

        var run = Latencies.Measure(2_000, 50_000, () =>
        {
            var result = engine.Execute(definition, null, start, context);
            if (result.State.Status != InstanceStatus.Completed)
                throw new InvalidOperationException("S1 did not complete in memory.");
            _ = ProcessInstanceStateJson.Serialize(result.State);
        });
        IReadOnlyList<BenchmarkResult> results =
        [
            new("S1 in memory (engine only)", "start to end", run.PerSecond, run.P50, run.P95, run.P99, run.Max, "",
                "1 thread; no database"),
        ];
        return Task.FromResult(results);
    }

    private sealed class NoCron : ICronSchedule
    {
        public DateTimeOffset? NextOccurrence(string cron, DateTimeOffset after) => null;
    }
}
