using System.Xml.Linq;
using Wbpm.Domain.Modeling;
using Wbpm.Tests.Domain.Modeling;
using static Wbpm.Tests.Domain.Forms.FormXml;
using static Wbpm.Tests.Domain.Modeling.BpmnSnippets;

namespace Wbpm.Tests.Domain.Forms;

public sealed class FormDefinitionReaderTests
{
    private const string LeaveForm =
        """
        <wbpm:field key="days" label="Days" type="number" readonly="true" min="1" max="30" />
        <wbpm:field key="comment" label="Comment" type="multiline" required="false" pattern="" />
        <wbpm:field key="start" label="First day" type="date" default="=startDate" />
        <wbpm:field key="kind" label="Kind" type="select" required="true" default="annual">
          <wbpm:option value="annual" label="Annual leave" />
          <wbpm:option value="unpaid" />
        </wbpm:field>
        <wbpm:field key="deputy" type="user" />
        <wbpm:outcome label="Approve" variable="approved" value="true" />
        <wbpm:outcome label="Reject" variable="approved" value="false" />
        """;

    [Fact]
    public void Fields_and_outcomes_of_a_user_task_form_are_read_in_document_order()
    {
        var form = Form(LeaveForm);

        Assert.Equal(["days", "comment", "start", "kind", "deputy"], form.Fields.Select(f => f.Key));
        var days = form.Fields[0];
        Assert.Equal((FormFieldType.Number, true, "1", "30", "Days"), (days.Type!.Value, days.ReadOnly, days.Min, days.Max, days.DisplayLabel));
        Assert.Null(form.Fields[1].Pattern);
        Assert.True(form.Fields[2].HasFeelDefault);
        Assert.Equal([new FormOption("annual", "Annual leave"), new FormOption("unpaid", "unpaid")], form.Fields[3].Options);
        Assert.True(form.Fields[3].Required);
        Assert.Equal((FormFieldType.User, "deputy"), (form.Fields[4].Type!.Value, form.Fields[4].DisplayLabel));
        Assert.Equal([new FormOutcome("Approve", "approved", "true"), new FormOutcome("Reject", "approved", "false")], form.Outcomes);
    }

    [Fact]
    public void A_field_without_type_is_text_and_an_unknown_type_has_no_type()
    {
        var form = Form("""<wbpm:field key="a" /><wbpm:field key="b" type="colour" />""");

        Assert.Equal(FormFieldType.Text, form.Fields[0].Type);
        Assert.Null(form.Fields[1].Type);
        Assert.Equal("colour", form.Fields[1].TypeName);
    }

    [Fact]
    public void A_start_event_form_is_read()
    {
        var model = BpmnReader.ReadString(Process(
            """
            <startEvent id="s"><extensionElements><wbpm:formDefinition><wbpm:field key="reason" type="multiline" required="true"/></wbpm:formDefinition></extensionElements></startEvent>
            <sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
            """));

        var field = Assert.Single(model.GetNode<StartEvent>("s").FormDefinition!.Fields);
        Assert.Equal(("reason", FormFieldType.Multiline, true), (field.Key, field.Type!.Value, field.Required));
    }

    [Fact]
    public void Elements_without_a_form_have_none()
    {
        var model = BpmnReader.ReadString(Around("<userTask id=\"u\" wbpm:formKey=\"external:leave\"/>", "u"));

        Assert.Null(model.GetNode<UserTask>("u").FormDefinition);
        Assert.Null(model.GetNode<StartEvent>("start").FormDefinition);
    }

    [Fact]
    public void A_form_is_written_back_exactly_as_read()
    {
        var xml = TaskWithForm(LeaveForm);
        var model = BpmnReader.ReadString(xml);

        var written = BpmnWriter.Write(model);

        XmlCanonicalForm.AssertEquivalent(XDocument.Parse(xml), XDocument.Parse(written), "form round trip");
        Assert.Equal(ModelFingerprint.Of(model), ModelFingerprint.Of(BpmnReader.ReadString(written)));
    }

    [Fact]
    public void Changing_the_assignee_of_a_task_keeps_its_form()
    {
        var model = BpmnReader.ReadString(TaskWithForm(LeaveForm));

        var changed = model.Replace(model.GetNode<UserTask>("u") with { Assignee = "mary" });
        var reread = BpmnReader.ReadString(BpmnWriter.Write(changed));

        Assert.Equal(5, reread.GetNode<UserTask>("u").FormDefinition!.Fields.Count);
        Assert.Equal("mary", reread.GetNode<UserTask>("u").Assignee);
    }
}
