using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

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
