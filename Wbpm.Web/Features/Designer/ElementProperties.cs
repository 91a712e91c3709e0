using Wbpm.Web.Features.Designer.Properties;

namespace Wbpm.Web.Features.Designer;

/// <summary>
/// The selected canvas element as bpmnModeler.js describes it (function <c>describe</c>): BPMN type, common properties,
/// our wbpm:* attributes by local name, and the parts of events and flows the properties panel edits. With nothing
/// selected it describes the process itself.
/// </summary>
public sealed record ElementProperties
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string? Name { get; init; }
    public string? Documentation { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = [];
    public string? Condition { get; init; }
    public bool IsDefaultFlow { get; init; }
    public string? SourceType { get; init; }
    public string? EventDefinitionType { get; init; }
    public string? TimerType { get; init; }
    public string? TimerValue { get; init; }
    public string? MessageName { get; init; }
    public string? SignalName { get; init; }
    public int ElementCount { get; init; }
    public FormDefinitionData? Form { get; init; }
    public IReadOnlyList<MappingData> Inputs { get; init; } = [];
    public IReadOnlyList<MappingData> Outputs { get; init; } = [];
    public IReadOnlyList<CallMappingData> InMappings { get; init; } = [];
    public IReadOnlyList<CallMappingData> OutMappings { get; init; } = [];
    public string? CalledElement { get; init; }
    public MultiInstanceData? MultiInstance { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorName { get; init; }
    public IReadOnlyList<KnownError> KnownErrors { get; init; } = [];

    public string? Attribute(string localName) => Attributes.GetValueOrDefault(localName);

    public bool IsProcess => Type == "bpmn:Process";
    public bool IsUserTask => Type == "bpmn:UserTask";
    public bool IsWorkerTask => Type is "bpmn:ServiceTask" or "bpmn:SendTask" or "bpmn:BusinessRuleTask";
    public bool IsSequenceFlow => Type == "bpmn:SequenceFlow";
    public bool IsFlowNode => Type.EndsWith("Task", StringComparison.Ordinal) || Type.EndsWith("Event", StringComparison.Ordinal)
        || Type.EndsWith("Gateway", StringComparison.Ordinal) || Type is "bpmn:SubProcess" or "bpmn:CallActivity" or "bpmn:Transaction";

    /// <summary>Only flows leaving a gateway that chooses (exclusive, inclusive) or an activity have conditions and defaults.</summary>
    public bool CanHaveCondition => IsSequenceFlow && SourceType is not null && SourceType is not ("bpmn:ParallelGateway" or "bpmn:EventBasedGateway")
        && !SourceType.EndsWith("Event", StringComparison.Ordinal);

    public bool IsActivity => Type.EndsWith("Task", StringComparison.Ordinal) || Type is "bpmn:SubProcess" or "bpmn:CallActivity" or "bpmn:Transaction";
    public bool IsCallActivity => Type == "bpmn:CallActivity";

    /// <summary>A <c>set</c> service task does its work inline: its output mappings are the variables it sets.</summary>
    public bool IsSetTask => IsWorkerTask && Attribute("type") == "set";

    /// <summary>docs/forms.md: user tasks and start events carry a form designed in Wbpm.</summary>
    public bool CanHaveForm => IsUserTask || Type == "bpmn:StartEvent";

    public bool HasError => EventDefinitionType == "bpmn:ErrorEventDefinition";

    public bool HasTimer => EventDefinitionType == "bpmn:TimerEventDefinition";
    public bool HasMessage => EventDefinitionType == "bpmn:MessageEventDefinition" || Type is "bpmn:ReceiveTask";
    public bool HasSignal => EventDefinitionType == "bpmn:SignalEventDefinition";

    /// <summary>What the panel's heading calls the element ("User task", "Sequence flow", ...).</summary>
    public string TypeLabel
    {
        get
        {
            var local = Type.StartsWith("bpmn:", StringComparison.Ordinal) ? Type[5..] : Type;
            var words = string.Concat(local.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
            return words;
        }
    }
}

/// <summary>One edit the panel asks the modeler to make; <see cref="Field"/> is understood by bpmnModeler.js <c>update</c>.</summary>
public sealed record PropertyChange(string ElementId, string Field, string? Value);
