using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>
/// End events (section 10.5.3): none consumes the token; terminate ends the whole scope (section 13.5.6); error throws
/// to the nearest catcher; message and signal ends publish, then consume the token.
/// </summary>
public sealed class EndEventBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var end = (EndEvent)node;
        switch (end.Definition)
        {
            case TerminateEventDefinition:
                context.Terminate(token);
                return;
            case ErrorEventDefinition error:
                context.ThrowError(token, error.ErrorCode, $"Error end event '{end.Id}'");
                return;
            case MessageEventDefinition message:
                context.PublishMessage(token, end, message.MessageName ?? end.Id, message.CorrelationKey);
                break;
            case SignalEventDefinition signal:
                context.BroadcastSignal(token, end, signal.SignalName ?? end.Id);
                break;
        }
        context.EndToken(token);
    }
}
