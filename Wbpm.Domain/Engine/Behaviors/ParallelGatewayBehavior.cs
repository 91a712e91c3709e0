using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Parallel gateway (section 13.3.3): joins one token per incoming flow (per scope), then forks on every outgoing flow.</summary>
public sealed class ParallelGatewayBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var incoming = context.Model.Incoming(node);
        var outgoing = context.Model.Outgoing(node);
        if (incoming.Count <= 1)
        {
            context.TakeFlows(token, outgoing);
            return;
        }
        var parked = context.ParkAtJoin(token);
        var arrivals = incoming.Select(f => parked.FirstOrDefault(t => t.ArrivedVia == f.Id)).ToList();
        if (arrivals.Any(t => t is null)) return;
        // One token per incoming flow is consumed; extra tokens on a flow wait for the next firing.
        context.FireJoin(token, arrivals!, outgoing);
    }
}
