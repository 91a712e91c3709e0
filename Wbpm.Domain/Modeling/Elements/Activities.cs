namespace Wbpm.Domain.Modeling;

/// <summary>tActivity (section 10.3): work with optional loop characteristics and a default flow.</summary>
public abstract record Activity : FlowNode, IHasDefaultFlow
{
    public string? DefaultFlowId { get; init; }
    public LoopCharacteristics? LoopCharacteristics { get; init; }
}

/// <summary>A plain &lt;task&gt;: no behaviour, passes the token on.</summary>
public sealed record BpmnTask : Activity;

/// <summary>&lt;manualTask&gt;: done outside any system; the engine passes the token on.</summary>
public sealed record ManualTask : Activity;

/// <summary>&lt;userTask&gt; with the assignment and form attributes of wbpm: (or camunda:).</summary>
public sealed record UserTask : Activity
{
    public string? Assignee { get; init; }

    /// <summary>Comma separated user ids, as written in the attribute.</summary>
    public string? CandidateUsers { get; init; }

    /// <summary>Comma separated group ids, as written in the attribute.</summary>
    public string? CandidateGroups { get; init; }

    public string? FormKey { get; init; }

    /// <summary>wbpm:form: id of a form designed in Wbpm (no camunda equivalent).</summary>
    public string? Form { get; init; }

    public string? DueDate { get; init; }
    public string? FollowUpDate { get; init; }
    public string? Priority { get; init; }

    /// <summary>wbpm:formDefinition in extensionElements: the form designed in Wbpm (docs/forms.md).</summary>
    public FormDefinition? FormDefinition { get; init; }
}

/// <summary>
/// Tasks whose work is done by a worker outside the engine (service, send, business rule): wbpm:type names the
/// job type; camunda:type="external" + camunda:topic is the Camunda 7 external task pattern. Java delegates
/// (camunda:class / expression / delegateExpression) are kept but cannot run here.
/// </summary>
public abstract record WorkerTask : Activity
{
    public string? Type { get; init; }
    public string? Topic { get; init; }
    public string? Retries { get; init; }
    public string? RetryTimeCycle { get; init; }
    public string? JavaClass { get; init; }
    public string? JavaExpression { get; init; }
    public string? DelegateExpression { get; init; }

    /// <summary>True when a worker can pick this up: wbpm:type set, or type 'external' with a topic.</summary>
    public bool HasExecutableImplementation => !string.IsNullOrWhiteSpace(Type);
}

public sealed record ServiceTask : WorkerTask;

/// <summary>&lt;sendTask&gt;: a worker sends the message (messageRef resolved to the message name).</summary>
public sealed record SendTask : WorkerTask
{
    public string? MessageRef { get; init; }
    public string? MessageName { get; init; }
}

/// <summary>&lt;businessRuleTask&gt;: not executed yet (needs DMN).</summary>
public sealed record BusinessRuleTask : WorkerTask;

/// <summary>&lt;receiveTask&gt;: waits for a message (section 10.3.3).</summary>
public sealed record ReceiveTask : Activity
{
    public string? MessageRef { get; init; }
    public string? MessageName { get; init; }
    public string? CorrelationKey { get; init; }
}

/// <summary>&lt;scriptTask&gt;: runs only when scripts are enabled (option), in a job, sandboxed.</summary>
public sealed record ScriptTask : Activity
{
    public string? ScriptFormat { get; init; }
    public string? Script { get; init; }
    public string? ResultVariable { get; init; }
}

/// <summary>&lt;callActivity&gt;: starts another process by id (section 10.3.5).</summary>
public sealed record CallActivity : Activity
{
    public string? CalledElement { get; init; }
    public IReadOnlyList<VariableMapping> InMappings { get; init; } = [];
    public IReadOnlyList<VariableMapping> OutMappings { get; init; } = [];
}
