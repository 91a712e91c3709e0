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

/// <summary>
/// Inclusive gateway (section 13.3.5). Diverging: every flow whose condition is true, else the default, else an
/// incident. Converging: fires when no token in the scope can still reach it (checked again whenever the agenda
/// runs dry, see the engine's inclusive-join check).
/// </summary>
public sealed class InclusiveGatewayBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        if (context.Model.Incoming(node).Count > 1)
            context.ParkAtJoin(token); // the engine fires it once nothing upstream remains
        else
            Fork(context, token, (InclusiveGateway)node);
    }

    /// <summary>Chooses the outgoing flows (after a join fired, too).</summary>
    public static IReadOnlyList<SequenceFlow>? ChooseFlows(IBehaviorContext context, Token token, InclusiveGateway gateway)
    {
        var outgoing = context.Model.Outgoing(gateway);
        var taken = outgoing
            .Where(f => f.Id != gateway.DefaultFlowId && (f.ConditionExpression is null || context.IsTrue(token, f.ConditionExpression)))
            .ToList();
        if (taken.Count > 0) return taken;
        var fallback = outgoing.FirstOrDefault(f => f.Id == gateway.DefaultFlowId);
        return fallback is null ? null : [fallback];
    }

    public static void Fork(IBehaviorContext context, Token token, InclusiveGateway gateway)
    {
        var flows = ChooseFlows(context, token, gateway);
        if (flows is null)
            context.RaiseIncident(token, $"No outgoing flow of inclusive gateway '{gateway.Id}' has a true condition and there is no default flow.");
        else
            context.TakeFlows(token, flows);
    }
}

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
