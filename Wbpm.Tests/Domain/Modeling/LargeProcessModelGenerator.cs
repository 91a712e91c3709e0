using Wbpm.Domain.Modeling;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>
/// Builds, in code, an executable process of any size for validation tests and benchmarks:
/// start -> n blocks -> end, where each block of five nodes is
/// <code>
///   [service task] -> &lt;XOR split&gt; --(amount &gt; i)--> [user task A] --> &lt;XOR join&gt; ->
///                                  \--(default)-----> [user task B] --/
/// </code>
/// </summary>
public static class LargeProcessModelGenerator
{
    public const int NodesPerBlock = 5;

    /// <summary>A model with about <paramref name="nodeCount"/> flow nodes (rounded up to whole blocks, plus start and end).</summary>
    public static ProcessModel Generate(int nodeCount)
    {
        var elements = new List<FlowElement>();
        var flowCount = 0;
        void Flow(string from, string to, string? condition = null, string? id = null) =>
            elements.Add(new SequenceFlow { Id = id ?? $"flow_{++flowCount}", SourceRef = from, TargetRef = to, ConditionExpression = condition });

        elements.Add(new StartEvent { Id = "start", Name = "Start" });
        var previous = "start";
        for (var block = 0; block < (nodeCount + NodesPerBlock - 1) / NodesPerBlock; block++)
        {
            var (service, split, taskA, taskB, join) =
                ($"service_{block}", $"split_{block}", $"taskA_{block}", $"taskB_{block}", $"join_{block}");
            elements.Add(new ServiceTask { Id = service, Name = $"Call service {block}", Type = "http-call" });
            elements.Add(new ExclusiveGateway { Id = split, Name = $"Amount large? {block}", DefaultFlowId = $"default_{block}" });
            elements.Add(new UserTask { Id = taskA, Name = $"Approve {block}", CandidateGroups = "approvers" });
            elements.Add(new UserTask { Id = taskB, Name = $"Check {block}", Assignee = "clerk" });
            elements.Add(new ExclusiveGateway { Id = join, Name = $"Join {block}" });
            Flow(previous, service);
            Flow(service, split);
            Flow(split, taskA, $"amount > {block}");
            Flow(split, taskB, id: $"default_{block}");
            Flow(taskA, join);
            Flow(taskB, join);
            previous = join;
        }
        elements.Add(new EndEvent { Id = "end", Name = "End" });
        Flow(previous, "end");

        var process = new Process { Id = "generated", Name = "Generated process", IsExecutable = true, FlowElements = elements };
        return new ProcessModel(new BpmnDefinitions
        {
            Id = "generated_definitions",
            TargetNamespace = "http://wbpm.dev/test/generated",
            Exporter = "Wbpm tests",
            RootElements = [process],
        });
    }
}
