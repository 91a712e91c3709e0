using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Send task (section 10.3.3): publishes its message and passes on; without a message it is a worker task.</summary>
public sealed class SendTaskBehavior : IFlowNodeBehavior
{
    private readonly ServiceTaskBehavior _worker = new();

    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var task = (SendTask)node;
        if (task.MessageName is null)
        {
            _worker.Execute(context, token, node);
            return;
        }
        context.PublishMessage(token, task, task.MessageName, null);
        context.Complete(token);
    }
}
