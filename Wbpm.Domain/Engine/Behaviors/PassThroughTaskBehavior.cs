using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Task and manual task (section 10.3.3): nothing for the engine to do, the token passes on.</summary>
public sealed class PassThroughTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node) => context.Complete(token);
}
