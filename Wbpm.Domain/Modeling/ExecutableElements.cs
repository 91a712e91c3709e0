namespace Wbpm.Domain.Modeling;

/// <summary>
/// The one list of what the Wbpm engine executes (engine issue #4), shared by the validator, the docs
/// (docs/bpmn-support.md) and the engine's behavior registry. Everything else is kept in the model and written back,
/// but reported as not executable.
/// </summary>
public static class ExecutableElements
{
    /// <summary>Executable constructs as "element (trigger)", for documentation and the engine's completeness test.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "startEvent (none)", "startEvent (timer)", "startEvent (message)", "startEvent (signal)",
        "endEvent (none)", "endEvent (terminate)", "endEvent (error)", "endEvent (message)", "endEvent (signal)",
        "intermediateCatchEvent (timer)", "intermediateCatchEvent (message)", "intermediateCatchEvent (signal)",
        "intermediateThrowEvent (none)", "intermediateThrowEvent (message)", "intermediateThrowEvent (signal)",
        "boundaryEvent (timer)", "boundaryEvent (message)", "boundaryEvent (signal)", "boundaryEvent (error)",
        "task", "manualTask", "userTask", "serviceTask (wbpm:type, or camunda:type=external + topic)", "sendTask", "receiveTask",
        "scriptTask (only with ScriptTasksEnabled)", "subProcess", "subProcess triggeredByEvent (start: timer, message, signal, error)",
        "callActivity", "multiInstanceLoopCharacteristics",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
    ];

    private static readonly EventTrigger[] StartTriggers = [EventTrigger.None, EventTrigger.Timer, EventTrigger.Message, EventTrigger.Signal];
    // None is listed so it is not reported twice: a plain start in an event subprocess is a modeling error the
    // StartEventRule reports ("needs a trigger"), not a missing engine feature.
    private static readonly EventTrigger[] EventSubProcessStartTriggers =
        [EventTrigger.None, EventTrigger.Timer, EventTrigger.Message, EventTrigger.Signal, EventTrigger.Error];
    private static readonly EventTrigger[] EndTriggers =
        [EventTrigger.None, EventTrigger.Terminate, EventTrigger.Error, EventTrigger.Message, EventTrigger.Signal];
    private static readonly EventTrigger[] CatchTriggers = [EventTrigger.Timer, EventTrigger.Message, EventTrigger.Signal];
    private static readonly EventTrigger[] ThrowTriggers = [EventTrigger.None, EventTrigger.Message, EventTrigger.Signal];
    private static readonly EventTrigger[] BoundaryTriggers = [EventTrigger.Timer, EventTrigger.Message, EventTrigger.Signal, EventTrigger.Error];

    /// <summary>
    /// Null when the engine executes the element; otherwise what it is, in words a designer knows
    /// ("escalation end event", "transaction subprocess", ...). Descriptive elements (data, artifacts) are never reported.
    /// </summary>
    public static string? NotExecutableKind(ProcessModel model, FlowElement element, bool scriptTasksEnabled)
    {
        var kind = element switch
        {
            SequenceFlow or DataObject or DataObjectReference or DataStoreReference => null,
            StartEvent start => Check(start, model.ScopeOf(start) is SubProcess { TriggeredByEvent: true }
                ? EventSubProcessStartTriggers : StartTriggers, "start event"),
            EndEvent end => Check(end, EndTriggers, "end event"),
            IntermediateCatchEvent c => Check(c, CatchTriggers, "intermediate catch event"),
            IntermediateThrowEvent t => Check(t, ThrowTriggers, "intermediate throw event"),
            BoundaryEvent b => Check(b, BoundaryTriggers, "boundary event"),
            ComplexGateway => "complex gateway",
            EventBasedGateway { Instantiate: true } => "instantiating event-based gateway",
            BusinessRuleTask => "business rule task",
            ScriptTask when !scriptTasksEnabled => "script task (enable script tasks to run it)",
            WorkerTask w when !w.HasExecutableImplementation && HasJavaDelegate(w) =>
                $"Java delegate {BpmnElementNames.Of(w)} (camunda:class / expression / delegateExpression)",
            SubProcess { Kind: SubProcessKind.Transaction } => "transaction subprocess",
            SubProcess { Kind: SubProcessKind.AdHoc } => "ad-hoc subprocess",
            UnknownFlowElement u => u.ElementName,
            _ => null,
        };
        if (kind is null && element is Activity activity)
        {
            if (activity.LoopCharacteristics is StandardLoopCharacteristics) kind = "standard loop";
            else if (activity.Source?.Attribute("isForCompensation")?.Value == "true") kind = "compensation handler";
        }
        return kind;
    }

    public static bool IsExecutable(ProcessModel model, FlowElement element, bool scriptTasksEnabled) =>
        NotExecutableKind(model, element, scriptTasksEnabled) is null;

    private static string? Check(Event ev, EventTrigger[] supported, string what) =>
        supported.Contains(ev.Trigger) ? null : $"{TriggerName(ev.Trigger)} {what}";

    private static string TriggerName(EventTrigger trigger) => trigger switch
    {
        EventTrigger.None => "plain (none)",
        EventTrigger.Multiple => "multiple-trigger",
        _ => trigger.ToString().ToLowerInvariant(),
    };

    private static bool HasJavaDelegate(WorkerTask task) =>
        !string.IsNullOrWhiteSpace(task.JavaClass) || !string.IsNullOrWhiteSpace(task.DelegateExpression) ||
        !string.IsNullOrWhiteSpace(task.JavaExpression);
}
