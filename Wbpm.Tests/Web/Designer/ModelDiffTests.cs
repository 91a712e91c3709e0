using Wbpm.Infrastructure.Designer;

namespace Wbpm.Tests.Web.Designer;

/// <summary>Comparing two versions of a model by element id: added, removed, changed (with what), moved on the diagram.</summary>
public sealed class ModelDiffTests
{
    private const string Base = """
        <startEvent id="start"><outgoing>f1</outgoing></startEvent>
        <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <userTask id="review" name="Review" wbpm:assignee="bob"><incoming>f1</incoming><outgoing>f2</outgoing></userTask>
        <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
        <endEvent id="end"><incoming>f2</incoming></endEvent>
        """;

    private static string Model(string body, string diagram = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:wbpm="http://wbpm.dev/schema/bpmn"
                     xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                     id="defs" targetNamespace="http://example.com/test">
          <process id="p" name="Test process" isExecutable="true">{body}</process>
          <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="plane" bpmnElement="p">{diagram}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </definitions>
        """;

    private static string Shape(string id, int x) => $"""<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{x}" y="80" width="100" height="80"/></bpmndi:BPMNShape>""";

    [Fact]
    public void The_same_model_formatted_differently_has_no_differences()
    {
        var compact = Model(Base);
        var spread = Model(Base.Replace("<userTask id=\"review\" name=\"Review\" wbpm:assignee=\"bob\">",
            "<userTask  wbpm:assignee=\"bob\"\n   name=\"Review\" id=\"review\">\n"));

        Assert.Empty(ModelDiff.Compare(compact, spread));
    }

    [Fact]
    public void A_renamed_task_with_a_new_assignee_is_changed_with_both_details()
    {
        var differences = ModelDiff.Compare(Model(Base), Model(Base.Replace("name=\"Review\" wbpm:assignee=\"bob\"", "name=\"Check\" wbpm:assignee=\"ann\"")));

        var change = Assert.Single(differences);
        Assert.Equal(("review", ElementChangeKind.Changed, "User task", "Check"), (change.ElementId, change.Kind, change.Type, change.Name));
        Assert.Equal(["name: 'Review' → 'Check'", "wbpm:assignee: 'bob' → 'ann'"], change.Details);
    }

    [Fact]
    public void Inserted_and_deleted_elements_are_added_and_removed_and_rewired_flows_are_changed()
    {
        var from = Model(Base);
        var to = Model("""
            <startEvent id="start"><outgoing>f1</outgoing></startEvent>
            <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <userTask id="approve" name="Approve"><incoming>f1</incoming><outgoing>f2</outgoing></userTask>
            <sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
            <endEvent id="end"><incoming>f2</incoming></endEvent>
            """);

        var differences = ModelDiff.Compare(from, to);

        Assert.Equal(
            [("approve", ElementChangeKind.Added), ("f1", ElementChangeKind.Changed), ("f2", ElementChangeKind.Changed), ("review", ElementChangeKind.Removed)],
            differences.Select(d => (d.ElementId, d.Kind)).OrderBy(d => d.ElementId));
        Assert.Contains("targetRef: 'review' → 'approve'", differences.Single(d => d.ElementId == "f1").Details);
        // Incoming/outgoing of start and end changed text only because the flows kept their ids: no change there.
        Assert.DoesNotContain(differences, d => d.ElementId is "start" or "end");
    }

    [Fact]
    public void A_changed_form_or_condition_is_a_change_of_the_elements_own_content()
    {
        var withForm = Base.Replace("<incoming>f1</incoming><outgoing>f2</outgoing></userTask>",
            "<extensionElements><wbpm:formDefinition><wbpm:field key=\"days\"/></wbpm:formDefinition></extensionElements><incoming>f1</incoming><outgoing>f2</outgoing></userTask>");
        var withOtherForm = withForm.Replace("key=\"days\"", "key=\"days\" required=\"true\"");

        var added = Assert.Single(ModelDiff.Compare(Model(Base), Model(withForm)));
        var changed = Assert.Single(ModelDiff.Compare(Model(withForm), Model(withOtherForm)));

        Assert.Equal(["Extension elements added"], added.Details);
        Assert.Equal(["Extension elements changed"], changed.Details);
    }

    [Fact]
    public void An_element_that_only_moved_on_the_diagram_is_moved_not_changed()
    {
        var differences = ModelDiff.Compare(Model(Base, Shape("review", 100) + Shape("end", 300)), Model(Base, Shape("review", 140) + Shape("end", 300)));

        var moved = Assert.Single(differences);
        Assert.Equal(("review", ElementChangeKind.Moved), (moved.ElementId, moved.Kind));
    }

    [Fact]
    public void A_task_changed_inside_a_subprocess_marks_the_task_not_the_subprocess()
    {
        static string Sub(string name) => $"""
            <startEvent id="start"/>
            <subProcess id="sub" name="Handle"><startEvent id="s2"/><task id="inner" name="{name}"/></subProcess>
            """;

        var change = Assert.Single(ModelDiff.Compare(Model(Sub("A")), Model(Sub("B"))));

        Assert.Equal("inner", change.ElementId);
    }
}
