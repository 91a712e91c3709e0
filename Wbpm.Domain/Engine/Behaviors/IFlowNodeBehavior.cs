using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>What a flow node does when a token executes it (after asyncBefore and input mappings).</summary>
public interface IFlowNodeBehavior
{
    void Execute(IBehaviorContext context, Token token, FlowNode node);
}
