using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Call activity (section 10.3.5): asks for a child instance and waits for ChildInstanceEnded.</summary>
public sealed class CallActivityBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.RequestChildInstance(token, (CallActivity)node);
        context.Wait(token);
    }
}
