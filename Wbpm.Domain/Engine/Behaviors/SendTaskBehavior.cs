using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>
/// Send task (section 10.3.3): with a wbpm:type it is a worker task (the worker sends); otherwise it publishes its
/// message (MessagePublished) and passes on.
/// </summary>
public sealed class SendTaskBehavior : IFlowNodeBehavior
{
    private readonly ServiceTaskBehavior _worker = new();

    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var task = (SendTask)node;
        if (task.HasExecutableImplementation || task.MessageName is null)
        {
            _worker.Execute(context, token, node);
            return;
        }
        context.PublishMessage(token, task, task.MessageName, null);
        context.Complete(token);
    }
}
