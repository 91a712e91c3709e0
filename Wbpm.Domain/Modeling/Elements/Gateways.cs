namespace Wbpm.Domain.Modeling;

/// <summary>tGateway (section 10.6). Fork or join role follows from the flows, not from gatewayDirection.</summary>
public abstract record Gateway : FlowNode;

public sealed record ExclusiveGateway : Gateway, IHasDefaultFlow
{
    public string? DefaultFlowId { get; init; }
}

public sealed record InclusiveGateway : Gateway, IHasDefaultFlow
{
    public string? DefaultFlowId { get; init; }
}

public sealed record ParallelGateway : Gateway;

public sealed record EventBasedGateway : Gateway
{
    /// <summary>instantiate="true": the gateway starts the process (section 10.6.6); not executed yet.</summary>
    public bool Instantiate { get; init; }
}

public sealed record ComplexGateway : Gateway, IHasDefaultFlow
{
    public string? DefaultFlowId { get; init; }
    public string? ActivationCondition { get; init; }
}
