using System.Collections.Frozen;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>One stateless behavior per executable element kind (see <see cref="ExecutableElements"/>).</summary>
public static class BehaviorRegistry
{
    private static readonly FrozenDictionary<Type, IFlowNodeBehavior> Behaviors = new Dictionary<Type, IFlowNodeBehavior>
    {
        [typeof(StartEvent)] = new StartEventBehavior(),
        [typeof(EndEvent)] = new EndEventBehavior(),
        [typeof(IntermediateCatchEvent)] = new IntermediateCatchEventBehavior(),
        [typeof(IntermediateThrowEvent)] = new IntermediateThrowEventBehavior(),
        [typeof(BoundaryEvent)] = new BoundaryEventBehavior(),
        [typeof(BpmnTask)] = new PassThroughTaskBehavior(),
        [typeof(ManualTask)] = new PassThroughTaskBehavior(),
        [typeof(UserTask)] = new UserTaskBehavior(),
        [typeof(ServiceTask)] = new ServiceTaskBehavior(),
        [typeof(SendTask)] = new SendTaskBehavior(),
        [typeof(ReceiveTask)] = new ReceiveTaskBehavior(),
        [typeof(ScriptTask)] = new ScriptTaskBehavior(),
        [typeof(SubProcess)] = new SubProcessBehavior(),
        [typeof(CallActivity)] = new CallActivityBehavior(),
        [typeof(ExclusiveGateway)] = new ExclusiveGatewayBehavior(),
        [typeof(ParallelGateway)] = new ParallelGatewayBehavior(),
        [typeof(InclusiveGateway)] = new InclusiveGatewayBehavior(),
        [typeof(EventBasedGateway)] = new EventBasedGatewayBehavior(),
    }.ToFrozenDictionary();

    public static IReadOnlyCollection<Type> SupportedNodeTypes => Behaviors.Keys;

    public static IFlowNodeBehavior For(FlowNode node) =>
        Behaviors.TryGetValue(node.GetType(), out var behavior)
            ? behavior
            : throw new NotSupportedException($"No behavior for {node.GetType().Name} '{node.Id}': deployment validation should have refused it.");
}
