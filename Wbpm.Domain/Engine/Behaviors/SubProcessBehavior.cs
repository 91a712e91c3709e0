using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Embedded subprocess (section 10.3.5): a new scope starts at its none start event; the token waits at it.</summary>
public sealed class SubProcessBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.StartSubProcess(token, (SubProcess)node);
    }
}
