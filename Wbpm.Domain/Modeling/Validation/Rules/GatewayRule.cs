namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>Gateway roles (fork/join) and the conditions a decision needs (sections 10.6.2, 10.6.3).</summary>
internal sealed class GatewayRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var model = context.Model;
        foreach (var node in model.AllNodes)
        {
            var outgoing = model.Outgoing(node);
            if (node is Gateway gateway && model.Incoming(node).Count == 1 && outgoing.Count == 1)
                context.Warning(node.Id,
                    $"{ValidationContext.Describe(gateway)} has one incoming and one outgoing flow, so it neither splits nor joins " +
                    "the flow. Remove it or connect more flows.");

            if (node is IHasDefaultFlow { DefaultFlowId: { } defaultId } && outgoing.All(f => f.Id != defaultId))
                context.Error(node.Id, $"The default flow '{defaultId}' is not one of the outgoing flows of {ValidationContext.Describe(node)}.");

            if (node is ExclusiveGateway or InclusiveGateway && outgoing.Count > 1)
                CheckDecision(context, node, outgoing, ((IHasDefaultFlow)node).DefaultFlowId);
        }
    }

    private static void CheckDecision(ValidationContext context, FlowNode gateway, IReadOnlyList<SequenceFlow> outgoing, string? defaultId)
    {
        foreach (var flow in outgoing.Where(f => f.Id != defaultId && string.IsNullOrWhiteSpace(f.ConditionExpression)))
        {
            context.Error(flow.Id,
                $"Flow '{ValidationContext.NameOf(flow)}' leaves {ValidationContext.Describe(gateway)} without a condition and is not its " +
                "default flow. Add a condition, or mark one flow as the default.");
        }
        foreach (var flow in outgoing.Where(f => f.Id == defaultId && !string.IsNullOrWhiteSpace(f.ConditionExpression)))
            context.Warning(flow.Id, $"Flow '{ValidationContext.NameOf(flow)}' is the default flow, so its condition is never evaluated.");
    }
}
