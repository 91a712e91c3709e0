using Wbpm.Domain.Modeling;
using Wbpm.Infrastructure.Templates;

namespace Wbpm.Tests.Infrastructure.Templates;

/// <summary>The templates people start first carry real forms (docs/forms.md), not external form keys.</summary>
public sealed class TemplateFormTests
{
    private static ProcessModel Model(string id) => BpmnReader.ReadString(TemplateInstantiation.WithDefaults(TemplateRun.Library.Find(id)!).Xml);

    private static FormDefinition StartForm(ProcessModel model) => model.GetNode<StartEvent>("start").FormDefinition!;

    private static FormDefinition TaskForm(ProcessModel model, string taskId) => model.GetNode<UserTask>(taskId).FormDefinition!;

    [Fact]
    public void The_leave_request_start_form_asks_for_the_dates_the_days_and_a_reason()
    {
        var form = StartForm(Model("leave-request"));

        Assert.Equal(FormFieldType.Date, form.Field("startDate")!.Type);
        Assert.Equal(FormFieldType.Date, form.Field("endDate")!.Type);
        var days = form.Field("days")!;
        Assert.Equal((FormFieldType.Number, true, "1"), (days.Type!.Value, days.Required, days.Min));
        Assert.Equal(FormFieldType.Multiline, form.Field("reason")!.Type);
        Assert.Equal("=initiator", form.Field("employee")!.Default);
    }

    [Fact]
    public void Approving_leave_shows_the_request_read_only_takes_a_comment_and_decides_approved()
    {
        var form = TaskForm(Model("leave-request"), "approve");

        Assert.All(new[] { "employee", "startDate", "endDate", "days", "reason" }, key => Assert.True(form.Field(key)!.ReadOnly));
        Assert.False(form.Field("approverComment")!.ReadOnly);
        Assert.Equal([("Approve", "approved", "true"), ("Reject", "approved", "false")], form.Outcomes.Select(o => (o.Label, o.Variable, o.Value)));
        Assert.Null(Model("leave-request").GetNode<UserTask>("approve").FormKey);
    }

    [Fact]
    public void Hr_confirms_long_leave_with_its_own_form()
    {
        var form = TaskForm(Model("leave-request"), "hrConfirm");

        Assert.True(form.Field("days")!.ReadOnly);
        Assert.Equal(FormFieldType.Boolean, form.Field("hrRecorded")!.Type);
        Assert.Empty(form.Outcomes);
    }

    [Theory]
    [InlineData("purchase-request", "approve")]
    [InlineData("purchase-request", "financeApprove")]
    [InlineData("purchase-request", "placeOrder")]
    [InlineData("purchase-request", "informRejected")]
    [InlineData("expense-claim", "approve")]
    [InlineData("expense-claim", "pay")]
    public void Purchase_and_expense_tasks_have_forms_and_their_start_events_too(string templateId, string taskId)
    {
        var model = Model(templateId);

        Assert.NotEmpty(StartForm(model).Fields);
        Assert.NotEmpty(TaskForm(model, taskId).Fields);
        Assert.Contains(StartForm(model).Fields, f => f.Key == "amount" && f.Type == FormFieldType.Number && f.Required);
    }
}
