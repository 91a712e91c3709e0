using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>
/// Exclusive gateway (section 13.3.2): the first outgoing flow (document order) whose condition is true, else the
/// default flow, else an incident. Converging, every arriving token passes on.
/// </summary>
public sealed class ExclusiveGatewayBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var gateway = (ExclusiveGateway)node;
        var outgoing = context.Model.Outgoing(gateway);
        if (outgoing.Count == 1 && outgoing[0].ConditionExpression is null)
        {
            context.TakeFlows(token, outgoing);
            return;
        }
        foreach (var flow in outgoing)
        {
            if (flow.Id == gateway.DefaultFlowId) continue;
            if (flow.ConditionExpression is null || context.IsTrue(token, flow.ConditionExpression))
            {
                context.TakeFlows(token, [flow]);
                return;
            }
        }
        var fallback = outgoing.FirstOrDefault(f => f.Id == gateway.DefaultFlowId);
        if (fallback is null)
            context.RaiseIncident(token, $"No outgoing flow of exclusive gateway '{gateway.Id}' has a true condition and there is no default flow.");
        else
            context.TakeFlows(token, [fallback]);
    }
}
