using System.Xml.Linq;
using Wbpm.Domain.Modeling;
using static Wbpm.Tests.Domain.Modeling.BpmnSnippets;

namespace Wbpm.Tests.Domain.Modeling;

public sealed class BpmnWriterTests
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Model;

    [Fact]
    public void ModelBuiltInCodeWritesBpmnThatReadsBackEqual()
    {
        var model = LargeProcessModelGenerator.Generate(10);

        var xml = BpmnWriter.Write(model);
        var reread = BpmnReader.ReadString(xml);

        Assert.Equal(ModelFingerprint.Of(model), ModelFingerprint.Of(reread));
        Assert.Equal(model.NodeCount, reread.NodeCount);
    }

    [Fact]
    public void ModelBuiltInCodeIsWrittenWithIncomingOutgoingAndDeclaredPrefixes()
    {
        var document = BpmnWriter.ToDocument(LargeProcessModelGenerator.Generate(5));

        var root = document.Root!;
        Assert.Equal(Bpmn + "definitions", root.Name);
        Assert.Equal("bpmn", root.GetPrefixOfNamespace(Bpmn));
        Assert.Equal("wbpm", root.GetPrefixOfNamespace(BpmnNamespaces.Wbpm));
        var serviceTask = root.Descendants(Bpmn + "serviceTask").First();
        Assert.Equal("http-call", serviceTask.Attribute(BpmnNamespaces.Wbpm + "type")?.Value);
        Assert.Single(serviceTask.Elements(Bpmn + "incoming"));
        Assert.Single(serviceTask.Elements(Bpmn + "outgoing"));
        Assert.Empty(root.Descendants(BpmnNamespaces.Di + "BPMNDiagram"));
    }

    [Fact]
    public void WritingTwiceGivesTheSameDocument()
    {
        var once = BpmnWriter.Write(LargeProcessModelGenerator.Generate(20));
        var twice = BpmnWriter.Write(BpmnReader.ReadString(once));

        XmlCanonicalForm.AssertEquivalent(XDocument.Parse(once), XDocument.Parse(twice), "second write");
    }

    [Fact]
    public void AssigneeChangedInCodeIsWrittenAsWbpmAndEverythingElseIsKept()
    {
        var original = Around("<userTask id=\"u\" name=\"Approve\" camunda:assignee=\"ann\" camunda:candidateGroups=\"sales\" foo=\"bar\"/>", "u");
        var model = BpmnReader.ReadString(original);

        var changed = model.Replace(model.GetNode<UserTask>("u") with { Assignee = "mary" });
        var written = BpmnWriter.Write(changed);

        var task = XDocument.Parse(written).Descendants(Bpmn + "userTask").Single();
        Assert.Equal("mary", task.Attribute(BpmnNamespaces.Wbpm + "assignee")?.Value);
        Assert.Null(task.Attribute(BpmnNamespaces.Camunda + "assignee"));
        Assert.Equal("sales", task.Attribute(BpmnNamespaces.Camunda + "candidateGroups")?.Value);
        Assert.Equal("bar", task.Attribute("foo")?.Value);
        var reread = BpmnReader.ReadString(written);
        Assert.Equal("mary", reread.GetNode<UserTask>("u").Assignee);
        Assert.Equal(ModelFingerprint.Of(changed), ModelFingerprint.Of(reread));
    }

    [Fact]
    public void AssigneeChangedInAReferenceModelChangesOnlyThatTask()
    {
        var path = MiwgFixtures.PathOf("C.1.0.bpmn");
        var model = new BpmnReader().Read(File.OpenRead(path));
        var task = model.AllNodes.OfType<UserTask>().First();

        var written = XDocument.Parse(BpmnWriter.Write(model.Replace(task with { Assignee = "mary" })));

        var expected = XmlCanonicalForm.Lines(XDocument.Load(path));
        var actual = XmlCanonicalForm.Lines(written);
        Assert.Equal(expected.Count, actual.Count);
        var differences = expected.Zip(actual).Where(pair => pair.First != pair.Second).ToList();
        var (before, after) = Assert.Single(differences);
        Assert.Contains("userTask", before);
        Assert.Contains("{http://wbpm.dev/schema/bpmn}assignee=\"mary\"", after);
        Assert.Equal("mary", BpmnReader.ReadString(written.ToString()).GetNode<UserTask>(task.Id).Assignee);
    }

    [Fact]
    public void TypedChangesToConditionsTimersAndMappingsAreWritten()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <startEvent id="s"><timerEventDefinition><timeDate>2026-01-01T00:00:00Z</timeDate></timerEventDefinition></startEvent>
            <exclusiveGateway id="g"/><task id="t"/>
            <sequenceFlow id="f" sourceRef="g" targetRef="t"><conditionExpression>a</conditionExpression></sequenceFlow>
            """));

        var start = model.GetNode<StartEvent>("s");
        model = model.Replace(start with
        {
            EventDefinitions = [new TimerEventDefinition { Kind = TimerKind.Cycle, Expression = "R/PT1H" }],
            OutputParameters = [new IoParameter("when", "now()")],
        });
        model = model.Replace(model.FindFlow("f")! with { ConditionExpression = "amount > 10" });
        var reread = BpmnReader.ReadString(BpmnWriter.Write(model));

        var timer = (TimerEventDefinition)reread.GetNode<StartEvent>("s").Definition!;
        Assert.Equal((TimerKind.Cycle, "R/PT1H"), (timer.Kind, timer.Expression));
        Assert.Equal([new IoParameter("when", "now()")], reread.GetNode<StartEvent>("s").OutputParameters);
        Assert.Equal("amount > 10", reread.FindFlow("f")!.ConditionExpression);
    }

    [Fact]
    public void ElementsAddedToAReadModelAreWrittenAndLinked()
    {
        var model = BpmnReader.ReadString(Around("<task id=\"t\"/>", "t"));
        var process = model.Processes[0];
        var added = process with
        {
            FlowElements =
            [
                .. process.FlowElements.Where(e => e.Id != "f2"),
                new UserTask { Id = "review", Name = "Review", Assignee = "ann" },
                new SequenceFlow { Id = "f3", SourceRef = "t", TargetRef = "review" },
                new SequenceFlow { Id = "f4", SourceRef = "review", TargetRef = "end" },
            ],
        };

        var written = XDocument.Parse(BpmnWriter.Write(model.Replace(added)));
        var reread = BpmnReader.ReadString(written.ToString());

        Assert.Equal(["f3"], reread.Outgoing("t").Select(f => f.Id));
        Assert.Equal(["f4"], reread.Incoming("end").Select(f => f.Id));
        var review = written.Descendants(Bpmn + "userTask").Single();
        Assert.Equal(["f3"], review.Elements(Bpmn + "incoming").Select(e => e.Value));
        Assert.Null(written.Descendants(Bpmn + "sequenceFlow").FirstOrDefault(f => f.Attribute("id")?.Value == "f2"));
    }
}
