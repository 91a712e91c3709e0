using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>The validator with the real FEEL parser: conditions that do not parse are errors with their position.</summary>
public sealed class FeelConditionValidationTests
{
    private static readonly ModelValidator Validator = new(new FeelSyntaxChecker(new FeelEngine()));

    [Fact]
    public void AConditionThatDoesNotParseIsAnErrorNamingTheFlowAndPosition()
    {
        var issues = Validator.Validate(ModelWithCondition("amount > (100"));
        var issue = Assert.Single(issues, i => i.ElementId == "to_big");
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
        Assert.Matches(@"line 1, column \d+", issue.Message);
    }

    [Theory]
    [InlineData("amount > 100")]
    [InlineData("= amount > 100 and approved")]
    [InlineData("status in (\"new\", \"open\")")]
    public void ValidFeelConditionsProduceNoIssueOnTheFlow(string condition)
    {
        var issues = Validator.Validate(ModelWithCondition(condition));
        Assert.DoesNotContain(issues, i => i.ElementId == "to_big");
    }

    private static ProcessModel ModelWithCondition(string condition) => BpmnReader.ReadString($$"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:wbpm="http://wbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="p" isExecutable="true">
            <startEvent id="start" />
            <exclusiveGateway id="split" default="to_small" />
            <endEvent id="big" />
            <endEvent id="small" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="split" />
            <sequenceFlow id="to_big" sourceRef="split" targetRef="big"><conditionExpression>{{System.Security.SecurityElement.Escape(condition)}}</conditionExpression></sequenceFlow>
            <sequenceFlow id="to_small" sourceRef="split" targetRef="small" />
          </process>
        </definitions>
        """);
}
