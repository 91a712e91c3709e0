using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Boundary event (section 10.5.4): the trigger was handled when its token was created; it passes on.</summary>
public sealed class BoundaryEventBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node) => context.Complete(token);
}
