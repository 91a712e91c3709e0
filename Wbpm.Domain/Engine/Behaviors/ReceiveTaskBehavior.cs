using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Receive task (section 10.3.3): waits for its message.</summary>
public sealed class ReceiveTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var task = (ReceiveTask)node;
        context.OpenMessageWait(token, task, task.MessageName ?? task.Id, task.CorrelationKey, WaitPurpose.Activity);
        context.Wait(token);
    }
}
