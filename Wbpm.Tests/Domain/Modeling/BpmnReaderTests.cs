using Wbpm.Domain.Modeling;
using static Wbpm.Tests.Domain.Modeling.BpmnSnippets;

namespace Wbpm.Tests.Domain.Modeling;

public sealed class BpmnReaderTests
{
    [Fact]
    public void ReadsDefinitionsAndProcessAttributes()
    {
        var model = BpmnReader.ReadString(Around("<task id=\"t\" name=\"Do it\"/>", "t"));

        Assert.Equal("defs", model.Definitions.Id);
        Assert.Equal("http://example.com/test", model.Definitions.TargetNamespace);
        var process = Assert.Single(model.Processes);
        Assert.Equal(("p", "Test process", true), (process.Id, process.Name, process.IsExecutable));
        Assert.Equal("Do it", model.GetNode<BpmnTask>("t").Name);
    }

    [Fact]
    public void ReadsAnyPrefixForTheBpmnNamespace()
    {
        var xml = """
            <semantic:definitions xmlns:semantic="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
              <semantic:process id="p"><semantic:userTask id="u"/></semantic:process>
            </semantic:definitions>
            """;

        Assert.IsType<UserTask>(BpmnReader.ReadString(xml).FindNode("u"));
    }

    [Fact]
    public void LinksEveryNodeToItsFlowsAndScope()
    {
        var model = BpmnReader.ReadString(Around("<subProcess id=\"sub\"><startEvent id=\"s2\"/></subProcess>", "sub"));

        var sub = model.GetNode<SubProcess>("sub");
        Assert.Equal("f1", Assert.Single(model.Incoming(sub)).Id);
        Assert.Equal("f2", Assert.Single(model.Outgoing(sub)).Id);
        Assert.Same(model.FindProcess("p"), model.ScopeOf(sub));
        var innerStart = model.GetNode<StartEvent>("s2");
        Assert.Same(sub, model.ScopeOf(innerStart));
        Assert.Same(model.FindProcess("p"), model.ProcessOf(innerStart));
        Assert.Equal("s2", Assert.Single(model.StartEventsOf(sub)).Id);
        Assert.Equal("start", Assert.Single(model.StartEventsOf(model.Processes[0])).Id);
    }

    [Fact]
    public void LinksBoundaryEventsAndTheirActivityBothWays()
    {
        var model = BpmnReader.ReadString(Around(
            "<userTask id=\"u\"/><boundaryEvent id=\"b\" attachedToRef=\"u\" cancelActivity=\"false\"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>",
            "u"));

        var task = model.GetNode<UserTask>("u");
        var boundary = Assert.Single(model.BoundaryEventsOf(task));
        Assert.Same(task, model.AttachedTo(boundary));
        Assert.False(boundary.CancelActivity);
        var timer = Assert.IsType<TimerEventDefinition>(boundary.Definition);
        Assert.Equal((TimerKind.Duration, "PT1H"), (timer.Kind, timer.Expression));
    }

    [Fact]
    public void ResolvesMessageSignalErrorAndEscalationReferencesToNamesAndCodes()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <intermediateCatchEvent id="m"><messageEventDefinition messageRef="Msg_1"/></intermediateCatchEvent>
            <intermediateCatchEvent id="s"><signalEventDefinition signalRef="Sig_1"/></intermediateCatchEvent>
            <endEvent id="e"><errorEventDefinition errorRef="Err_1" camunda:errorCodeVariable="code"/></endEvent>
            <endEvent id="x"><escalationEventDefinition escalationRef="Esc_1"/></endEvent>
            """,
            """
            <message id="Msg_1" name="order-received"/><signal id="Sig_1" name="stop-all"/>
            <error id="Err_1" name="Out of stock" errorCode="OUT_OF_STOCK"/><escalation id="Esc_1" escalationCode="LATE"/>
            """));

        Assert.Equal("order-received", ((MessageEventDefinition)model.GetNode<Event>("m").Definition!).MessageName);
        Assert.Equal("stop-all", ((SignalEventDefinition)model.GetNode<Event>("s").Definition!).SignalName);
        var error = (ErrorEventDefinition)model.GetNode<Event>("e").Definition!;
        Assert.Equal(("OUT_OF_STOCK", "code"), (error.ErrorCode, error.ErrorCodeVariable));
        Assert.Equal("LATE", ((EscalationEventDefinition)model.GetNode<Event>("x").Definition!).EscalationCode);
    }

    [Fact]
    public void ReadsEveryEventDefinitionKind()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <endEvent id="t"><terminateEventDefinition/></endEvent>
            <intermediateCatchEvent id="c"><conditionalEventDefinition><condition>x &gt; 1</condition></conditionalEventDefinition></intermediateCatchEvent>
            <intermediateThrowEvent id="l"><linkEventDefinition name="jump"/></intermediateThrowEvent>
            <intermediateThrowEvent id="comp"><compensateEventDefinition/></intermediateThrowEvent>
            <endEvent id="cancel"><cancelEventDefinition/></endEvent>
            <startEvent id="cycle"><timerEventDefinition><timeCycle>R3/PT10M</timeCycle></timerEventDefinition></startEvent>
            <startEvent id="multi"><messageEventDefinition/><signalEventDefinition/></startEvent>
            """));

        Assert.Equal(EventTrigger.Terminate, model.GetNode<Event>("t").Trigger);
        Assert.Equal("x > 1", ((ConditionalEventDefinition)model.GetNode<Event>("c").Definition!).Condition);
        Assert.Equal("jump", ((LinkEventDefinition)model.GetNode<Event>("l").Definition!).Name);
        Assert.Equal(EventTrigger.Compensation, model.GetNode<Event>("comp").Trigger);
        Assert.Equal(EventTrigger.Cancel, model.GetNode<Event>("cancel").Trigger);
        Assert.Equal(TimerKind.Cycle, ((TimerEventDefinition)model.GetNode<Event>("cycle").Definition!).Kind);
        Assert.Equal(EventTrigger.Multiple, model.GetNode<Event>("multi").Trigger);
    }

    [Fact]
    public void MapsWbpmAndCamundaUserTaskAttributesWithWbpmWinning()
    {
        var model = BpmnReader.ReadString(Around(
            """
            <userTask id="u" camunda:assignee="camunda-user" wbpm:assignee="wbpm-user" camunda:candidateGroups="sales"
                      camunda:formKey="embedded:app:form.html" wbpm:form="approve-form" camunda:dueDate="${due}"
                      wbpm:followUpDate="P1D" camunda:priority="80" camunda:asyncBefore="true" wbpm:candidateUsers="ann,bob"/>
            """, "u"));

        var task = model.GetNode<UserTask>("u");
        Assert.Equal("wbpm-user", task.Assignee);
        Assert.Equal("sales", task.CandidateGroups);
        Assert.Equal("ann,bob", task.CandidateUsers);
        Assert.Equal("embedded:app:form.html", task.FormKey);
        Assert.Equal("approve-form", task.Form);
        Assert.Equal(("${due}", "P1D", "80"), (task.DueDate, task.FollowUpDate, task.Priority));
        Assert.True(task.AsyncBefore);
        Assert.False(task.AsyncAfter);
    }

    [Fact]
    public void MapsServiceTaskImplementations()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <serviceTask id="w" wbpm:type="send-mail" wbpm:retries="5" wbpm:retryTimeCycle="R5/PT1M"/>
            <serviceTask id="ext" camunda:type="external" camunda:topic="billing"/>
            <serviceTask id="java" camunda:class="com.acme.Delegate"/>
            """));

        var worker = model.GetNode<ServiceTask>("w");
        Assert.Equal(("send-mail", "5", "R5/PT1M"), (worker.Type, worker.Retries, worker.RetryTimeCycle));
        var external = model.GetNode<ServiceTask>("ext");
        Assert.Equal(("external", "billing"), (external.Type, external.Topic));
        var java = model.GetNode<ServiceTask>("java");
        Assert.Equal("com.acme.Delegate", java.JavaClass);
        Assert.False(java.HasExecutableImplementation);
    }

    [Fact]
    public void ReadsInputOutputMappingsFromWbpmOrCamunda()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <serviceTask id="a" wbpm:type="x">
              <extensionElements>
                <wbpm:inputOutput><wbpm:inputParameter name="amount">order.total</wbpm:inputParameter><wbpm:outputParameter name="ok">result.ok</wbpm:outputParameter></wbpm:inputOutput>
                <camunda:inputOutput><camunda:inputParameter name="ignored">1</camunda:inputParameter></camunda:inputOutput>
              </extensionElements>
            </serviceTask>
            <callActivity id="c" calledElement="child">
              <extensionElements><camunda:in source="a" target="b"/><camunda:out variables="all"/></extensionElements>
            </callActivity>
            """));

        var task = model.GetNode<ServiceTask>("a");
        Assert.Equal([new IoParameter("amount", "order.total")], task.InputParameters);
        Assert.Equal([new IoParameter("ok", "result.ok")], task.OutputParameters);
        var call = model.GetNode<CallActivity>("c");
        Assert.Equal("child", call.CalledElement);
        Assert.Equal([new VariableMapping("a", "b", null, false)], call.InMappings);
        Assert.True(Assert.Single(call.OutMappings).AllVariables);
    }

    [Fact]
    public void ReadsLoopCharacteristics()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <userTask id="mi">
              <multiInstanceLoopCharacteristics isSequential="true" camunda:collection="reviewers" camunda:elementVariable="reviewer">
                <loopCardinality>3</loopCardinality><completionCondition>nrOfCompletedInstances &gt;= 2</completionCondition>
              </multiInstanceLoopCharacteristics>
            </userTask>
            <task id="loop"><standardLoopCharacteristics testBefore="true"><loopCondition>again</loopCondition></standardLoopCharacteristics></task>
            """));

        var mi = Assert.IsType<MultiInstanceLoopCharacteristics>(model.GetNode<UserTask>("mi").LoopCharacteristics);
        Assert.True(mi.IsSequential);
        Assert.Equal(("reviewers", "reviewer", "3", "nrOfCompletedInstances >= 2"),
            (mi.Collection, mi.ElementVariable, mi.LoopCardinality, mi.CompletionCondition));
        var loop = Assert.IsType<StandardLoopCharacteristics>(model.GetNode<BpmnTask>("loop").LoopCharacteristics);
        Assert.Equal((true, "again"), (loop.TestBefore, loop.LoopCondition));
    }

    [Fact]
    public void ReadsConditionsDefaultFlowsAndGatewayKinds()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <exclusiveGateway id="g" default="no"/><task id="a"/><task id="b"/>
            <sequenceFlow id="yes" sourceRef="g" targetRef="a"><conditionExpression>amount &gt; 100</conditionExpression></sequenceFlow>
            <sequenceFlow id="no" sourceRef="g" targetRef="b"/>
            <inclusiveGateway id="i"/><parallelGateway id="par"/><eventBasedGateway id="eb"/><complexGateway id="cx"/>
            """));

        Assert.Equal("no", model.GetNode<ExclusiveGateway>("g").DefaultFlowId);
        Assert.Equal("amount > 100", model.FindFlow("yes")!.ConditionExpression);
        Assert.IsType<InclusiveGateway>(model.FindNode("i"));
        Assert.IsType<ParallelGateway>(model.FindNode("par"));
        Assert.IsType<EventBasedGateway>(model.FindNode("eb"));
        Assert.IsType<ComplexGateway>(model.FindNode("cx"));
    }

    [Fact]
    public void ReadsEveryActivityKindIncludingSubprocessVariants()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <sendTask id="send"/><receiveTask id="receive"/><scriptTask id="script" scriptFormat="javascript"><script>1+1</script></scriptTask>
            <businessRuleTask id="rule"/><manualTask id="manual"/>
            <subProcess id="event" triggeredByEvent="true"><startEvent id="es"><messageEventDefinition messageRef="M"/></startEvent></subProcess>
            <transaction id="tx"/><adHocSubProcess id="adhoc"><completionCondition>done</completionCondition></adHocSubProcess>
            """, "<message id=\"M\" name=\"cancel\"/>"));

        Assert.IsType<SendTask>(model.FindNode("send"));
        Assert.IsType<ReceiveTask>(model.FindNode("receive"));
        Assert.Equal("1+1", model.GetNode<ScriptTask>("script").Script);
        Assert.IsType<BusinessRuleTask>(model.FindNode("rule"));
        Assert.IsType<ManualTask>(model.FindNode("manual"));
        var eventSub = model.GetNode<SubProcess>("event");
        Assert.True(eventSub.TriggeredByEvent);
        Assert.Equal(eventSub, Assert.Single(model.EventSubProcessesOf(model.Processes[0])));
        Assert.Equal(SubProcessKind.Transaction, model.GetNode<SubProcess>("tx").Kind);
        Assert.Equal("done", model.GetNode<SubProcess>("adhoc").CompletionCondition);
    }

    [Fact]
    public void ReadsCollaborationLanesAndArtifacts()
    {
        var xml = $"""
            <definitions {Namespaces} targetNamespace="x">
              <collaboration id="c">
                <participant id="pool" name="Shop" processRef="p"/><participant id="customer" name="Customer"/>
                <messageFlow id="mf" sourceRef="customer" targetRef="t"/>
              </collaboration>
              <process id="p">
                <laneSet id="ls"><lane id="l1" name="Clerk"><flowNodeRef>t</flowNodeRef></lane></laneSet>
                <task id="t"><documentation>Check the order</documentation></task>
                <dataObject id="do"/><dataObjectReference id="dor" dataObjectRef="do"/>
                <textAnnotation id="ta"><text>Note</text></textAnnotation>
                <association id="as" sourceRef="ta" targetRef="t"/><group id="gr"/>
              </process>
            </definitions>
            """;

        var model = BpmnReader.ReadString(xml);

        var collaboration = Assert.Single(model.Collaborations);
        Assert.Equal(["Shop", "Customer"], collaboration.Participants.Select(p => p.Name));
        Assert.Equal("t", Assert.Single(collaboration.MessageFlows).TargetRef);
        var lane = Assert.Single(Assert.Single(model.Processes[0].LaneSets).Lanes);
        Assert.Equal(["t"], lane.FlowNodeRefs);
        Assert.Equal("Check the order", model.GetNode<BpmnTask>("t").Documentation);
        Assert.Equal("Note", Assert.IsType<TextAnnotation>(model.Find("ta")).Text);
        Assert.IsType<Group>(model.Find("gr"));
        Assert.Equal("do", Assert.IsType<DataObjectReference>(model.Find("dor")).DataObjectRef);
    }

    [Fact]
    public void KeepsUntypedFlowElementsInTheModel()
    {
        var model = BpmnReader.ReadString(Process("<implicitThrowEvent id=\"it\"/>"));

        var unknown = Assert.IsType<UnknownFlowElement>(Assert.Single(model.Processes[0].FlowElements));
        Assert.Equal("implicitThrowEvent", unknown.ElementName);
    }
}
