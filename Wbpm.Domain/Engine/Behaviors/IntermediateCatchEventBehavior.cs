using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Intermediate catch (section 10.5.5): the token waits for its timer, message or signal.</summary>
public sealed class IntermediateCatchEventBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var ev = (IntermediateCatchEvent)node;
        context.OpenEventWait(token, ev, ev.Definition!, WaitPurpose.Activity);
        context.Wait(token);
    }
}
