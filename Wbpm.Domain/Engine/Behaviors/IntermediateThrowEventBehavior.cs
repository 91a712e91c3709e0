using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Intermediate throw (section 10.5.5): none passes on; message publishes and signal broadcasts, then pass on.</summary>
public sealed class IntermediateThrowEventBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var ev = (IntermediateThrowEvent)node;
        switch (ev.Definition)
        {
            case MessageEventDefinition message:
                context.PublishMessage(token, ev, message.MessageName ?? ev.Id, message.CorrelationKey);
                break;
            case SignalEventDefinition signal:
                context.BroadcastSignal(token, ev, signal.SignalName ?? ev.Id);
                break;
        }
        context.Complete(token);
    }
}
