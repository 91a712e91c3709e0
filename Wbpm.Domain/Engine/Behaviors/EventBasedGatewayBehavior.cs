using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>
/// Event-based gateway (section 13.3.4): the token waits at the gateway for the first of the following events;
/// the others are cancelled when one happens.
/// </summary>
public sealed class EventBasedGatewayBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        foreach (var flow in context.Model.Outgoing(node))
        {
            switch (context.Model.FindNode(flow.TargetRef))
            {
                case IntermediateCatchEvent { Definition: { } definition } catchEvent:
                    context.OpenEventWait(token, catchEvent, definition, WaitPurpose.EventGatewayBranch);
                    break;
                case ReceiveTask receive:
                    context.OpenMessageWait(token, receive, receive.MessageName ?? receive.Id, receive.CorrelationKey, WaitPurpose.EventGatewayBranch);
                    break;
            }
        }
        context.Wait(token);
    }
}
