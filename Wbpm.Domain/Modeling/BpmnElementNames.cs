namespace Wbpm.Domain.Modeling;

/// <summary>BPMN element names (local names in the MODEL namespace) of every record type, in one place.</summary>
public static class BpmnElementNames
{
    /// <summary>Flow elements the reader turns into records; the writer owns exactly these children of a scope.</summary>
    private static readonly HashSet<string> TypedFlowElements =
    [
        "sequenceFlow", "dataObject", "dataObjectReference", "dataStoreReference",
        "implicitThrowEvent", "callChoreography", "choreographyTask", "subChoreography",
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "exclusiveGateway", "inclusiveGateway", "complexGateway", "parallelGateway", "eventBasedGateway",
        "task", "manualTask", "userTask", "serviceTask", "businessRuleTask", "sendTask", "receiveTask", "scriptTask",
        "callActivity", "subProcess", "transaction", "adHocSubProcess",
    ];

    private static readonly HashSet<string> ArtifactNames = ["textAnnotation", "association", "group"];

    private static readonly HashSet<string> TypedEventDefinitions =
    [
        "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "errorEventDefinition",
        "escalationEventDefinition", "terminateEventDefinition", "conditionalEventDefinition", "linkEventDefinition",
        "compensateEventDefinition", "cancelEventDefinition",
    ];

    private static readonly HashSet<string> TypedRootElements =
        ["process", "collaboration", "message", "signal", "error", "escalation", "dataStore"];

    public static bool IsTypedFlowElement(string localName) => TypedFlowElements.Contains(localName);
    public static bool IsArtifact(string localName) => ArtifactNames.Contains(localName);
    public static bool IsTypedEventDefinition(string localName) => TypedEventDefinitions.Contains(localName);
    public static bool IsTypedRootElement(string localName) => TypedRootElements.Contains(localName);

    /// <summary>The element name a record is written as.</summary>
    public static string Of(ModelElement element) => element switch
    {
        StartEvent => "startEvent",
        EndEvent => "endEvent",
        IntermediateCatchEvent => "intermediateCatchEvent",
        IntermediateThrowEvent => "intermediateThrowEvent",
        BoundaryEvent => "boundaryEvent",
        ExclusiveGateway => "exclusiveGateway",
        InclusiveGateway => "inclusiveGateway",
        ComplexGateway => "complexGateway",
        ParallelGateway => "parallelGateway",
        EventBasedGateway => "eventBasedGateway",
        BpmnTask => "task",
        ManualTask => "manualTask",
        UserTask => "userTask",
        ServiceTask => "serviceTask",
        BusinessRuleTask => "businessRuleTask",
        SendTask => "sendTask",
        ReceiveTask => "receiveTask",
        ScriptTask => "scriptTask",
        CallActivity => "callActivity",
        SubProcess { Kind: SubProcessKind.Transaction } => "transaction",
        SubProcess { Kind: SubProcessKind.AdHoc } => "adHocSubProcess",
        SubProcess => "subProcess",
        SequenceFlow => "sequenceFlow",
        DataObject => "dataObject",
        DataObjectReference => "dataObjectReference",
        DataStoreReference => "dataStoreReference",
        UnknownFlowElement u => u.ElementName,
        TextAnnotation => "textAnnotation",
        Association => "association",
        Group => "group",
        Process => "process",
        Collaboration => "collaboration",
        Participant => "participant",
        MessageFlow => "messageFlow",
        LaneSet => "laneSet",
        Lane => "lane",
        Message => "message",
        Signal => "signal",
        BpmnError => "error",
        Escalation => "escalation",
        DataStore => "dataStore",
        TimerEventDefinition => "timerEventDefinition",
        MessageEventDefinition => "messageEventDefinition",
        SignalEventDefinition => "signalEventDefinition",
        ErrorEventDefinition => "errorEventDefinition",
        EscalationEventDefinition => "escalationEventDefinition",
        TerminateEventDefinition => "terminateEventDefinition",
        ConditionalEventDefinition => "conditionalEventDefinition",
        LinkEventDefinition => "linkEventDefinition",
        CompensateEventDefinition => "compensateEventDefinition",
        CancelEventDefinition => "cancelEventDefinition",
        StandardLoopCharacteristics => "standardLoopCharacteristics",
        MultiInstanceLoopCharacteristics => "multiInstanceLoopCharacteristics",
        BpmnDefinitions => "definitions",
        _ => throw new NotSupportedException($"No BPMN element name for {element.GetType().Name}."),
    };
}
