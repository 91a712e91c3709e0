using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Start event (section 10.5.2): its trigger already happened when the token exists; it passes on.</summary>
public sealed class StartEventBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node) => context.Complete(token);
}
