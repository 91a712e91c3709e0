using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>Reads the children of a process or subprocess into typed flow elements and artifacts.</summary>
internal sealed class FlowElementReader(ReadContext context)
{
    private readonly EventDefinitionReader _eventDefinitions = new(context);

    /// <summary>BPMN flow elements we keep but have no type for (choreography in a process, implicit throw).</summary>
    private static readonly HashSet<string> UntypedFlowElements =
        ["implicitThrowEvent", "callChoreography", "choreographyTask", "subChoreography"];

    public (IReadOnlyList<FlowElement> FlowElements, IReadOnlyList<Artifact> Artifacts) ReadContents(XElement container)
    {
        var flowElements = new List<FlowElement>();
        var artifacts = new List<Artifact>();
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != BpmnNamespaces.Model) continue;
            if (ReadArtifact(child) is { } artifact) artifacts.Add(artifact);
            else if (ReadFlowElement(child) is { } element) flowElements.Add(element);
        }
        return (flowElements, artifacts);
    }

    public Artifact? ReadArtifact(XElement e)
    {
        Artifact? artifact = e.Name.LocalName switch
        {
            "textAnnotation" => new TextAnnotation { Id = IdOf(e), Text = e.ChildText("text") },
            "association" => new Association
            {
                Id = IdOf(e),
                SourceRef = e.Attr("sourceRef") ?? "",
                TargetRef = e.Attr("targetRef") ?? "",
                AssociationDirection = e.Attr("associationDirection"),
            },
            "group" => new Group { Id = IdOf(e), CategoryValueRef = e.Attr("categoryValueRef") },
            _ => null,
        };
        return artifact is null ? null : artifact with { Documentation = e.Documentation(), Source = e };
    }

    private FlowElement? ReadFlowElement(XElement e)
    {
        var local = e.Name.LocalName;
        FlowElement? element = local switch
        {
            "sequenceFlow" => new SequenceFlow
            {
                Id = IdOf(e),
                SourceRef = e.Attr("sourceRef") ?? "",
                TargetRef = e.Attr("targetRef") ?? "",
                ConditionExpression = e.ChildText("conditionExpression"),
            },
            "dataObject" => new DataObject { Id = IdOf(e), IsCollection = e.Bool("isCollection", false) },
            "dataObjectReference" => new DataObjectReference { Id = IdOf(e), DataObjectRef = e.Attr("dataObjectRef") },
            "dataStoreReference" => new DataStoreReference { Id = IdOf(e), DataStoreRef = e.Attr("dataStoreRef") },
            _ when UntypedFlowElements.Contains(local) => new UnknownFlowElement { Id = IdOf(e), ElementName = local },
            _ => ReadFlowNode(e),
        };
        return element is null ? null : element with { Name = e.Attr("name"), Documentation = e.Documentation(), Source = e };
    }

    private FlowNode? ReadFlowNode(XElement e)
    {
        FlowNode? node = e.Name.LocalName switch
        {
            "startEvent" => new StartEvent
            {
                Id = IdOf(e),
                IsInterrupting = e.Bool("isInterrupting", true),
                FormDefinition = FormDefinitionReader.Read(e.Child("extensionElements")),
            },
            "endEvent" => new EndEvent { Id = IdOf(e) },
            "intermediateCatchEvent" => new IntermediateCatchEvent { Id = IdOf(e) },
            "intermediateThrowEvent" => new IntermediateThrowEvent { Id = IdOf(e) },
            "boundaryEvent" => new BoundaryEvent
            {
                Id = IdOf(e),
                AttachedToRef = e.Attr("attachedToRef") ?? "",
                CancelActivity = e.Bool("cancelActivity", true),
            },
            "exclusiveGateway" => new ExclusiveGateway { Id = IdOf(e), DefaultFlowId = e.Attr("default") },
            "inclusiveGateway" => new InclusiveGateway { Id = IdOf(e), DefaultFlowId = e.Attr("default") },
            "complexGateway" => new ComplexGateway
            {
                Id = IdOf(e), DefaultFlowId = e.Attr("default"), ActivationCondition = e.ChildText("activationCondition"),
            },
            "parallelGateway" => new ParallelGateway { Id = IdOf(e) },
            "eventBasedGateway" => new EventBasedGateway { Id = IdOf(e), Instantiate = e.Bool("instantiate", false) },
            _ => ReadActivity(e),
        };
        if (node is null) return null;
        if (node is Event ev) node = ev with { EventDefinitions = _eventDefinitions.ReadAll(e) };
        var (inputs, outputs) = ExtensionElementsReader.ReadIo(e.Child("extensionElements"));
        return RequesterAttributesReader.Read(node, e) with
        {
            AsyncBefore = e.ExtensionBool("asyncBefore"),
            AsyncAfter = e.ExtensionBool("asyncAfter"),
            InputParameters = inputs,
            OutputParameters = outputs,
        };
    }

    private Activity? ReadActivity(XElement e)
    {
        Activity? activity = e.Name.LocalName switch
        {
            "task" => new BpmnTask { Id = IdOf(e) },
            "manualTask" => new ManualTask { Id = IdOf(e) },
            "userTask" => new UserTask
            {
                Id = IdOf(e),
                Assignee = e.Extension("assignee"),
                CandidateUsers = e.Extension("candidateUsers"),
                CandidateGroups = e.Extension("candidateGroups"),
                FormKey = e.Extension("formKey"),
                Form = e.Attribute(BpmnNamespaces.Wbpm + "form")?.Value,
                DueDate = e.Extension("dueDate"),
                FollowUpDate = e.Extension("followUpDate"),
                Priority = e.Extension("priority"),
                FormDefinition = FormDefinitionReader.Read(e.Child("extensionElements")),
            },
            "serviceTask" => ReadWorker(new ServiceTask { Id = IdOf(e) }, e),
            "businessRuleTask" => ReadWorker(new BusinessRuleTask { Id = IdOf(e) }, e),
            "sendTask" => ReadWorker(new SendTask
            {
                Id = IdOf(e),
                MessageRef = e.Attr("messageRef"),
                MessageName = ReadContext.Resolve(context.MessageNames, e.Attr("messageRef")),
            }, e),
            "receiveTask" => new ReceiveTask
            {
                Id = IdOf(e),
                MessageRef = e.Attr("messageRef"),
                MessageName = ReadContext.Resolve(context.MessageNames, e.Attr("messageRef")),
                CorrelationKey = e.Extension("correlationKey"),
            },
            "scriptTask" => new ScriptTask
            {
                Id = IdOf(e),
                ScriptFormat = e.Attr("scriptFormat"),
                Script = e.ChildText("script"),
                ResultVariable = e.Extension("resultVariable"),
            },
            "callActivity" => ReadCallActivity(e),
            "subProcess" => ReadSubProcess(e, e.Bool("triggeredByEvent", false) ? SubProcessKind.Event : SubProcessKind.Embedded),
            "transaction" => ReadSubProcess(e, SubProcessKind.Transaction),
            "adHocSubProcess" => ReadSubProcess(e, SubProcessKind.AdHoc) with { CompletionCondition = e.ChildText("completionCondition") },
            _ => null,
        };
        return activity is null
            ? null
            : activity with { DefaultFlowId = e.Attr("default"), LoopCharacteristics = LoopCharacteristicsReader.Read(e) };
    }

    private WorkerTask ReadWorker(WorkerTask task, XElement e) => task with
    {
        Type = e.Extension("type"),
        Topic = e.Extension("topic"),
        Retries = e.Extension("retries"),
        RetryTimeCycle = e.Extension("retryTimeCycle"),
        JavaClass = e.Attribute(BpmnNamespaces.Camunda + "class")?.Value,
        JavaExpression = e.Attribute(BpmnNamespaces.Camunda + "expression")?.Value,
        DelegateExpression = e.Attribute(BpmnNamespaces.Camunda + "delegateExpression")?.Value,
    };

    private CallActivity ReadCallActivity(XElement e)
    {
        var (inMappings, outMappings) = ExtensionElementsReader.ReadMappings(e.Child("extensionElements"));
        return new CallActivity
        {
            Id = IdOf(e),
            CalledElement = e.Attribute(BpmnNamespaces.Wbpm + "calledElement")?.Value ?? e.Attr("calledElement"),
            InMappings = inMappings,
            OutMappings = outMappings,
        };
    }

    private SubProcess ReadSubProcess(XElement e, SubProcessKind kind)
    {
        var (flowElements, artifacts) = ReadContents(e);
        return new SubProcess { Id = IdOf(e), Kind = kind, FlowElements = flowElements, Artifacts = artifacts };
    }

    private string IdOf(XElement e)
    {
        var id = e.Attr("id");
        if (!string.IsNullOrWhiteSpace(id)) return id;
        context.Error(e, $"<{e.Name.LocalName}> has no id; every element the engine or a flow refers to needs one.");
        return "";
    }
}
