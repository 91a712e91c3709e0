using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;
using static Wbpm.Tests.Domain.Forms.FormXml;

namespace Wbpm.Tests.Domain.Forms;

public sealed class FormRuleTests
{
    private static readonly ModelValidator Validator = new(new FeelSyntaxChecker(new FeelEngine()));

    private static IReadOnlyList<string> Errors(string formContent) =>
        Validator.Validate(BpmnReader.ReadString(TaskWithForm(formContent)))
            .Where(i => i.Severity == ValidationSeverity.Error && i.ElementId == "u").Select(i => i.Message).ToList();

    [Fact]
    public void A_well_formed_form_has_no_issues()
    {
        Assert.Empty(Errors(
            """
            <wbpm:field key="days" type="number" min="1" max="30" default="=max(1, requested)" />
            <wbpm:field key="reason" type="multiline" min="3" max="400" pattern="[A-Za-z ]+" />
            <wbpm:field key="from" type="date" min="2026-01-01" max="2026-12-31" default="2026-06-01" />
            <wbpm:field key="kind" type="select" default="annual"><wbpm:option value="annual"/></wbpm:field>
            <wbpm:field key="urgent" type="boolean" default="false" />
            <wbpm:outcome label="Approve" variable="approved" value="true" />
            """));
    }

    [Theory]
    [InlineData("<wbpm:field key=\"first day\" />", "not a variable name")]
    [InlineData("<wbpm:field key=\"\" />", "not a variable name")]
    [InlineData("<wbpm:field key=\"null\" />", "not a variable name")]
    [InlineData("<wbpm:field key=\"a\" /><wbpm:field key=\"a\" />", "two fields with the key 'a'")]
    [InlineData("<wbpm:field key=\"a\" type=\"colour\" />", "unknown type 'colour'")]
    [InlineData("<wbpm:field key=\"a\" type=\"select\" />", "select without options")]
    [InlineData("<wbpm:field key=\"a\" pattern=\"[a-\" />", "not a valid regular expression")]
    [InlineData("<wbpm:field key=\"a\" type=\"number\" pattern=\"\\d+\" />", "patterns apply to text fields only")]
    [InlineData("<wbpm:field key=\"a\" type=\"number\" min=\"5\" max=\"1\" />", "greater than max")]
    [InlineData("<wbpm:field key=\"a\" type=\"number\" min=\"five\" />", "min 'five', which is not a number")]
    [InlineData("<wbpm:field key=\"a\" min=\"10\" max=\"2\" />", "min length 10 greater than max length 2")]
    [InlineData("<wbpm:field key=\"a\" type=\"date\" min=\"2026-02-01\" max=\"2026-01-01\" />", "later than max")]
    [InlineData("<wbpm:field key=\"a\" type=\"date\" max=\"tomorrow\" />", "not an ISO date")]
    [InlineData("<wbpm:field key=\"a\" type=\"boolean\" min=\"1\" />", "apply to number, text, multiline and date fields only")]
    [InlineData("<wbpm:field key=\"a\" default=\"=1 +\" />", "not valid FEEL")]
    [InlineData("<wbpm:field key=\"a\" type=\"number\" default=\"ten\" />", "not a valid number value")]
    [InlineData("<wbpm:field key=\"a\" type=\"select\" default=\"x\"><wbpm:option value=\"y\"/></wbpm:field>", "one of the option values")]
    [InlineData("<wbpm:outcome label=\"Go\" variable=\"go on\" value=\"true\" />", "not a variable name")]
    [InlineData("<wbpm:outcome variable=\"go\" />", "outcome without a label")]
    public void A_form_mistake_is_an_error_on_its_element(string formContent, string expected)
    {
        Assert.Contains(Errors(formContent), m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_event_form_is_checked_too()
    {
        var issues = Validator.Validate(BpmnReader.ReadString(Wbpm.Tests.Domain.Modeling.BpmnSnippets.Process(
            """
            <startEvent id="s"><extensionElements><wbpm:formDefinition><wbpm:field key="x" type="money"/></wbpm:formDefinition></extensionElements></startEvent>
            <sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
            """)));

        Assert.Contains(issues, i => i.ElementId == "s" && i.Severity == ValidationSeverity.Error && i.Message.Contains("unknown type 'money'"));
    }
}
