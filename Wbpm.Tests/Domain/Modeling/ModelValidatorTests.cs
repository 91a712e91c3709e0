using System.Diagnostics;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;
using static Wbpm.Tests.Domain.Modeling.BpmnSnippets;

namespace Wbpm.Tests.Domain.Modeling;

public sealed class ModelValidatorTests(ITestOutputHelper output)
{
    private static readonly ModelValidator Validator = new(new ParenthesesSyntaxChecker());

    private static IReadOnlyList<ValidationIssue> Validate(string xml, ModelValidatorOptions? options = null) =>
        new ModelValidator(new ParenthesesSyntaxChecker(), options).Validate(BpmnReader.ReadString(xml));

    private static ValidationIssue Single(IReadOnlyList<ValidationIssue> issues, string elementId, ValidationSeverity severity)
    {
        var matching = issues.Where(i => i.ElementId == elementId && i.Severity == severity).ToList();
        return Assert.Single(matching);
    }

    [Fact]
    public void SimpleExecutableProcessHasNoIssues()
    {
        Assert.Empty(Validate(Around("<userTask id=\"u\" wbpm:assignee=\"ann\"/>", "u")));
    }

    [Fact]
    public void ProcessWithoutStartEventIsAnError()
    {
        var issue = Single(Validate(Process("<task id=\"t\"/>")), "p", ValidationSeverity.Error);
        Assert.Contains("has no start event", issue.Message);
    }

    [Fact]
    public void UnreachableNodeIsAWarning()
    {
        var issues = Validate(Around("<task id=\"t\"/>", "t").Replace("</process>", "<task id=\"island\"/></process>"));

        Assert.Contains("cannot be reached", Single(issues, "island", ValidationSeverity.Warning).Message);
    }

    [Fact]
    public void NodeInALoopWithoutExitCannotReachAnEnd()
    {
        var issues = Validate(Process(
            """
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="a"/>
            <task id="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
            <task id="b"/><sequenceFlow id="f3" sourceRef="b" targetRef="a"/>
            """));

        Assert.Contains("can never finish", Single(issues, "a", ValidationSeverity.Error).Message);
        Assert.Contains("can never finish", Single(issues, "b", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void BoundaryEventIsAWayOutOfALoop()
    {
        var issues = Validate(Process(
            """
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="a"/>
            <userTask id="a" wbpm:assignee="x"/><sequenceFlow id="f2" sourceRef="a" targetRef="a2"/>
            <task id="a2"/><sequenceFlow id="f3" sourceRef="a2" targetRef="a"/>
            <boundaryEvent id="b" attachedToRef="a"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f4" sourceRef="b" targetRef="e"/><endEvent id="e"/>
            """));

        Assert.Empty(issues);
    }

    [Fact]
    public void GatewayThatNeitherSplitsNorJoinsIsAWarning()
    {
        var issue = Single(Validate(Around("<exclusiveGateway id=\"g\"/>", "g")), "g", ValidationSeverity.Warning);
        Assert.Contains("neither splits nor joins", issue.Message);
    }

    [Fact]
    public void DecisionFlowWithoutConditionAndNoDefaultIsAnError()
    {
        var issues = Validate(Process(
            """
            <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="g"/>
            <inclusiveGateway id="g"/>
            <sequenceFlow id="yes" sourceRef="g" targetRef="e"><conditionExpression>amount &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="other" sourceRef="g" targetRef="e"/>
            <endEvent id="e"/>
            """));

        Assert.Contains("without a condition and is not its default flow", Single(issues, "other", ValidationSeverity.Error).Message);
        Assert.DoesNotContain(issues, i => i.ElementId == "yes");
    }

    [Fact]
    public void ConditionThatDoesNotParseReportsThePosition()
    {
        var issues = Validate(Process(
            """
            <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="g"/>
            <exclusiveGateway id="g" default="d"/>
            <sequenceFlow id="bad" sourceRef="g" targetRef="e"><conditionExpression>=(amount &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="d" sourceRef="g" targetRef="e"/>
            <endEvent id="e"/>
            """));

        var issue = Single(issues, "bad", ValidationSeverity.Error);
        Assert.Contains("not valid FEEL: missing ')' (line 1, column 1)", issue.Message);
    }

    [Fact]
    public void JuelConditionIsRejectedWithAHint()
    {
        var issues = Validate(Process(
            """
            <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="g"/>
            <exclusiveGateway id="g" default="d"/>
            <sequenceFlow id="juel" sourceRef="g" targetRef="e"><conditionExpression>${amount &gt; 10}</conditionExpression></sequenceFlow>
            <sequenceFlow id="d" sourceRef="g" targetRef="e"/>
            <endEvent id="e"/>
            """));

        Assert.Contains("JUEL expressions are not supported; write FEEL", Single(issues, "juel", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void UserTaskWithoutAssigneeOrCandidatesIsAWarning()
    {
        var issue = Single(Validate(Around("<userTask id=\"u\" name=\"Approve\"/>", "u")), "u", ValidationSeverity.Warning);
        Assert.Contains("nobody's inbox", issue.Message);
        Assert.Contains("userTask 'Approve' (u)", issue.Message);
    }

    [Theory]
    [InlineData("timeDate", "2026-03-01T10:00:00Z")]
    [InlineData("timeDate", "2026-03-01T10:00:00+02:00")]
    [InlineData("timeDuration", "PT15M")]
    [InlineData("timeDuration", "P1DT2H")]
    [InlineData("timeCycle", "R3/PT10M")]
    [InlineData("timeCycle", "R/2026-01-01T08:00:00Z/P1D")]
    [InlineData("timeCycle", "0 0 9 ? * MON-FRI")]
    [InlineData("timeCycle", "0 15 10 L * ?")]
    [InlineData("timeCycle", "0 0 12 ? * 6#3 2027")]
    [InlineData("timeCycle", "*/5 * * * *")]
    [InlineData("timeDuration", "=duration(\"PT1H\")")]
    public void ValidTimerHasNoIssue(string kind, string value)
    {
        var issues = Validate(Around($"<intermediateCatchEvent id=\"t\"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></intermediateCatchEvent>", "t"));
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("timeDate", "tomorrow")]
    [InlineData("timeDate", "2026-13-45T10:00:00Z")]
    [InlineData("timeDuration", "15 minutes")]
    [InlineData("timeDuration", "PT")]
    [InlineData("timeCycle", "R3/10M")]
    [InlineData("timeCycle", "0 0 25 * * ?")]
    [InlineData("timeCycle", "0 0 9 * * MON")]
    [InlineData("timeCycle", "* * *")]
    [InlineData("timeCycle", "0 0 12 ? * 6#9")]
    public void InvalidTimerIsAnError(string kind, string value)
    {
        var issues = Validate(Around($"<intermediateCatchEvent id=\"t\"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></intermediateCatchEvent>", "t"));
        Assert.Contains("is not valid", Single(issues, "t", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void TimerWithoutValueIsAnError()
    {
        var issues = Validate(Around("<intermediateCatchEvent id=\"t\"><timerEventDefinition/></intermediateCatchEvent>", "t"));
        Assert.Contains("has no value", Single(issues, "t", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void MessageCatchWithoutNameIsAnError()
    {
        var issues = Validate(Around("<intermediateCatchEvent id=\"m\"><messageEventDefinition messageRef=\"M\"/></intermediateCatchEvent>", "m",
            "<message id=\"M\"/>"));
        Assert.Contains("waits for a message but names none", Single(issues, "m", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void SignalCatchWithoutSignalIsAnError()
    {
        var issues = Validate(Around("<intermediateCatchEvent id=\"s1\"><signalEventDefinition/></intermediateCatchEvent>", "s1"));
        Assert.Contains("signal without a name", Single(issues, "s1", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void BoundaryEventOnAGatewayIsAnError()
    {
        var issues = Validate(Around("<parallelGateway id=\"g\"/><boundaryEvent id=\"b\" attachedToRef=\"g\"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></boundaryEvent>", "g"));
        Assert.Contains("not attached to an activity", Single(issues, "b", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void CallActivityWithoutTargetIsAnError()
    {
        var issue = Single(Validate(Around("<callActivity id=\"c\"/>", "c")), "c", ValidationSeverity.Error);
        Assert.Contains("which process to call", issue.Message);
    }

    [Fact]
    public void MultiInstanceWithoutCollectionOrCardinalityIsAnError()
    {
        var issues = Validate(Around("<task id=\"t\"><multiInstanceLoopCharacteristics/></task>", "t"));
        Assert.Contains("neither how many instances", Single(issues, "t", ValidationSeverity.Error).Message);
    }

    [Fact]
    public void ServiceTaskWithoutTypeIsAnError()
    {
        var issue = Single(Validate(Around("<serviceTask id=\"s1\"/>", "s1")), "s1", ValidationSeverity.Error);
        Assert.Contains("no job type", issue.Message);
    }

    [Theory]
    [InlineData("<serviceTask id=\"x\" wbpm:type=\"mail\"/>")]
    [InlineData("<serviceTask id=\"x\" camunda:type=\"external\" camunda:topic=\"mail\"/>")]
    [InlineData("<sendTask id=\"x\" wbpm:type=\"mail\"/>")]
    [InlineData("<sendTask id=\"x\" messageRef=\"M\"/>")]
    [InlineData("<receiveTask id=\"x\" messageRef=\"M\"/>")]
    [InlineData("<manualTask id=\"x\"/>")]
    [InlineData("<callActivity id=\"x\" calledElement=\"other\"/>")]
    [InlineData("<userTask id=\"x\" camunda:candidateGroups=\"sales\"><multiInstanceLoopCharacteristics camunda:collection=\"items\"/></userTask>")]
    [InlineData("<subProcess id=\"x\"><startEvent id=\"in\"/></subProcess>")]
    [InlineData("<intermediateThrowEvent id=\"x\"><signalEventDefinition signalRef=\"S\"/></intermediateThrowEvent>")]
    public void ExecutableElementHasNoIssue(string node)
    {
        var issues = Validate(Around(node, "x", "<message id=\"M\" name=\"m\"/><signal id=\"S\" name=\"s\"/>"));
        Assert.DoesNotContain(issues, i => i.Severity == ValidationSeverity.Error);
    }

    [Theory]
    [InlineData("<endEvent id=\"x\"><escalationEventDefinition/></endEvent>", "Escalation end event")]
    [InlineData("<intermediateThrowEvent id=\"x\"><compensateEventDefinition/></intermediateThrowEvent>", "Compensation intermediate throw event")]
    [InlineData("<transaction id=\"x\"><startEvent id=\"in\"/></transaction>", "Transaction subprocess")]
    [InlineData("<intermediateThrowEvent id=\"x\"><linkEventDefinition name=\"l\"/></intermediateThrowEvent>", "Link intermediate throw event")]
    [InlineData("<intermediateCatchEvent id=\"x\"><conditionalEventDefinition><condition>a</condition></conditionalEventDefinition></intermediateCatchEvent>", "Conditional intermediate catch event")]
    [InlineData("<complexGateway id=\"x\"/>", "Complex gateway")]
    [InlineData("<adHocSubProcess id=\"x\"/>", "Ad-hoc subprocess")]
    [InlineData("<businessRuleTask id=\"x\"/>", "Business rule task")]
    [InlineData("<scriptTask id=\"x\"><script>1</script></scriptTask>", "Script task")]
    [InlineData("<serviceTask id=\"x\" camunda:class=\"com.acme.Mail\"/>", "Java delegate serviceTask")]
    [InlineData("<serviceTask id=\"x\" camunda:delegateExpression=\"${mail}\"/>", "Java delegate serviceTask")]
    public void ElementTheEngineDoesNotExecuteIsOneErrorNamingItsKind(string node, string kind)
    {
        var issues = Validate(Around(node, "x"));

        var notSupported = issues.Where(i => i.ElementId == "x" && i.Message.Contains("not supported by the Wbpm engine")).ToList();
        Assert.StartsWith(kind, Assert.Single(notSupported).Message);
    }

    [Fact]
    public void ScriptTaskIsExecutableWhenEnabled()
    {
        var issues = Validate(Around("<scriptTask id=\"x\"><script>1</script></scriptTask>", "x"), new ModelValidatorOptions { ScriptTasksEnabled = true });
        Assert.Empty(issues);
    }

    [Fact]
    public void DescriptiveContentIsNeverAnIssue()
    {
        var xml = $"""
            <definitions {Namespaces} targetNamespace="x">
              <collaboration id="c"><participant id="pool" processRef="p"/><participant id="blackbox" name="Bank"/>
                <messageFlow id="mf" sourceRef="blackbox" targetRef="t"/></collaboration>
              <process id="p" isExecutable="true">
                <laneSet id="ls"><lane id="l1"><flowNodeRef>t</flowNodeRef></lane></laneSet>
                <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                <task id="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
                <dataObject id="do"/><dataObjectReference id="dor" dataObjectRef="do"/><dataStoreReference id="dsr"/>
                <textAnnotation id="ta"><text>Note</text></textAnnotation><association id="as" sourceRef="ta" targetRef="t"/><group id="gr"/>
              </process>
            </definitions>
            """;

        Assert.Empty(Validate(xml));
    }

    [Fact]
    public void EventSubprocessNeedsATriggeredStart()
    {
        var issues = Validate(Around("<task id=\"t\"/>", "t").Replace("</process>",
            "<subProcess id=\"es\" triggeredByEvent=\"true\"><startEvent id=\"plain\"/></subProcess></process>"));

        Assert.Contains("needs a trigger", Single(issues, "plain", ValidationSeverity.Error).Message);
    }

    [Theory]
    [MemberData(nameof(MiwgFixtures.Names), MemberType = typeof(MiwgFixtures))]
    public void ReferenceModelValidatesWithoutCrashingAndDescriptiveElementsAreNotErrors(string name)
    {
        var model = new BpmnReader().Read(File.OpenRead(MiwgFixtures.PathOf(name)));

        var issues = Validator.Validate(model);

        var descriptive = model.AllElements
            .Where(e => e is Lane or LaneSet or Participant or MessageFlow or Artifact or DataObject or DataObjectReference or DataStoreReference or Collaboration)
            .Select(e => e.Id).ToHashSet();
        Assert.DoesNotContain(issues, i => i.Severity == ValidationSeverity.Error && descriptive.Contains(i.ElementId));
        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        foreach (var issue in issues)
            output.WriteLine($"{issue.Severity} {issue.ElementId}: {issue.Message}");
    }

    [Fact]
    public void GeneratedThousandNodeModelValidatesWithoutErrors()
    {
        var model = LargeProcessModelGenerator.Generate(1000);
        Assert.True(model.NodeCount >= 1000);
        Validator.Validate(model); // warm-up (JIT)

        var stopwatch = Stopwatch.StartNew();
        var issues = Validator.Validate(model);
        stopwatch.Stop();

        Assert.Empty(issues);
        output.WriteLine($"Validated {model.NodeCount} nodes in {stopwatch.Elapsed.TotalMilliseconds:F2} ms");
    }
}
