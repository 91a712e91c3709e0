using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling.Validation;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Designer;
using Wbpm.Tests.Domain.Modeling;

namespace Wbpm.Tests.Infrastructure.Designer;

/// <summary>The designer's live validation: model issues per element, FEEL checked, unreadable XML as issues.</summary>
public sealed class DraftValidationTests
{
    private static DraftValidation Validation(string role = Role.Designer) =>
        new(new ModelValidator(new FeelSyntaxChecker(new FeelEngine())), DesignerWorld.CurrentUser(role: role));

    [Fact]
    public void AConditionWithAFeelSyntaxErrorIsAnErrorOnItsSequenceFlow()
    {
        var xml = BpmnSnippets.Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw" default="f3"/>
            <sequenceFlow id="f2" sourceRef="gw" targetRef="end"><conditionExpression>amount &gt;</conditionExpression></sequenceFlow>
            <sequenceFlow id="f3" sourceRef="gw" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var issues = Validation().Validate(xml);

        Assert.Contains(issues, i => i is { ElementId: "f2", Severity: ValidationSeverity.Error });
    }

    [Fact]
    public void AUserTaskWithoutAssigneeIsAWarning()
    {
        var issues = Validation().Validate(BpmnSnippets.Around("<userTask id=\"task\"/>", "task"));

        Assert.Contains(issues, i => i is { ElementId: "task", Severity: ValidationSeverity.Warning });
    }

    [Fact]
    public void UnreadableXmlIsReportedAsAnErrorWithItsPosition()
    {
        var issues = Validation().Validate("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">");

        var issue = Assert.Single(issues);
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
        Assert.NotNull(issue.Line);
    }

    [Fact]
    public void ValidatingNeedsTheViewPermission() =>
        Assert.Throws<ForbiddenException>(() => Validation(Role.User).Validate(BpmnSnippets.Process("<startEvent id=\"s\"/>")));
}
