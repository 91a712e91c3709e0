using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Templates;

namespace Wbpm.Tests.Infrastructure.Templates;

/// <summary>Typed parameters: what is accepted, what is refused, and that values only land at the marked places, escaped.</summary>
public sealed class TemplateParameterTests
{
    private static readonly TemplateParameter Threshold = new("threshold", "Threshold", TemplateParameterType.Number, "1000", Min: 0);
    private static readonly TemplateParameter Approvers = new("approvers", "Approvers", TemplateParameterType.Group, "managers");
    private static readonly TemplateParameter Sla = new("sla", "SLA", TemplateParameterType.DurationHours, "24");
    private static readonly TemplateParameter Label = new("label", "Label", TemplateParameterType.Text, null, Required: false);

    private const string Xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:wbpm="http://wbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="tpl" name="Template" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            <userTask id="task" name="Review {{label}}" wbpm:candidateGroups="{{approvers}}" wbpm:dueDate="PT{{sla}}H"/>
            <sequenceFlow id="f2" sourceRef="task" targetRef="end"><conditionExpression>=amount &gt; {{threshold}}</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private static ProcessTemplate Template(string xml = Xml) => new("t", "T", "Test", "A template", true, [Threshold, Approvers, Sla, Label], [], xml);

    private static Dictionary<string, string?> Input(params (string Name, string? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void ValuesAreWrittenAtTheMarkedPlacesAndTheProcessGetsTheNewIdAndName()
    {
        var result = TemplateInstantiation.Instantiate(Template(), "my-review", "My review",
            Input(("threshold", "2500.50"), ("approvers", "finance-team"), ("sla", "8"), ("label", "invoices")));

        var process = BpmnReader.ReadString(result.Xml).Processes.Single();
        Assert.Equal(("my-review", "My review"), (process.Id, process.Name));
        var task = (UserTask)process.FlowElements.Single(e => e.Id == "task");
        Assert.Equal(("Review invoices", "finance-team", "PT8H"), (task.Name, task.CandidateGroups, task.DueDate));
        Assert.Equal("=amount > 2500.50", ((SequenceFlow)process.FlowElements.Single(e => e.Id == "f2")).ConditionExpression);
    }

    [Fact]
    public void MissingValuesTakeTheDefaults()
    {
        var result = TemplateInstantiation.Instantiate(Template(), "p", "P", Input());

        Assert.Contains("wbpm:candidateGroups=\"managers\"", result.Xml);
        Assert.Contains("&gt; 1000<", result.Xml);
    }

    [Fact]
    public void MarkupInATextValueIsEscapedAndReadsBackAsTheSameText()
    {
        var result = TemplateInstantiation.Instantiate(Template(), "p", "P", Input(("label", "<b>a & b</b>' /><evil")));

        Assert.DoesNotContain("<evil", result.Xml);
        Assert.Contains("&lt;b&gt;a &amp; b&lt;/b&gt;", result.Xml);
        var task = BpmnReader.ReadString(result.Xml).Processes.Single().FlowElements.Single(e => e.Id == "task");
        Assert.Equal("Review <b>a & b</b>' /><evil", task.Name);
    }

    [Theory]
    [InlineData("threshold", "12abc")]
    [InlineData("threshold", "1e3")]
    [InlineData("threshold", "-5")]
    [InlineData("threshold", "1) or true or (1")]
    [InlineData("approvers", "managers\" wbpm:assignee=\"mallory")]
    [InlineData("approvers", "a,b")]
    [InlineData("approvers", "=initiator")]
    [InlineData("sla", "0")]
    [InlineData("sla", "1.5")]
    [InlineData("sla", "99999")]
    [InlineData("label", "say \"hi\"")]
    [InlineData("label", "{{threshold}}")]
    [InlineData("label", "line\nbreak")]
    public void InvalidValuesAreRefusedPerParameter(string name, string value)
    {
        var error = Assert.Throws<ValidationException>(() => TemplateInstantiation.Instantiate(Template(), "p", "P", Input((name, value))));

        Assert.Equal([name], error.Errors.Keys);
    }

    [Fact]
    public void ARequiredParameterWithoutValueOrDefaultIsReported()
    {
        var template = Template() with { Parameters = [Threshold with { Default = null }, Approvers, Sla, Label] };

        var error = Assert.Throws<ValidationException>(() => TemplateInstantiation.Instantiate(template, "p", "P", Input(("threshold", " "))));

        Assert.Contains("Threshold is required.", error.Errors["threshold"]);
    }

    [Fact]
    public void AnUnknownParameterIsRefused()
    {
        var error = Assert.Throws<ValidationException>(() => TemplateInstantiation.Instantiate(Template(), "p", "P", Input(("other", "x"))));

        Assert.Contains("other", error.Errors.Keys);
    }

    [Fact]
    public void ATextPatternIsEnforced()
    {
        var currency = new TemplateParameter("currency", "Currency", TemplateParameterType.Text, "EUR", Pattern: "^[A-Z]{3}$");

        Assert.Equal("USD", TemplateParameterBinder.Bind([currency], Input(("currency", "USD")))["currency"]);
        Assert.Throws<ValidationException>(() => TemplateParameterBinder.Bind([currency], Input(("currency", "dollars"))));
    }

    [Theory]
    [InlineData("Leave request", "leave-request")]
    [InlineData("  Leave request – Sales (EMEA) ", "leave-request-sales-emea")]
    [InlineData("Équipe Café", "equipe-cafe")]
    [InlineData("2026 budget", "process-2026-budget")]
    [InlineData("!!!", "process")]
    public void ProcessKeysAreNcNamesDerivedFromTheName(string name, string key) => Assert.Equal(key, ProcessKeys.FromName(name));
}
