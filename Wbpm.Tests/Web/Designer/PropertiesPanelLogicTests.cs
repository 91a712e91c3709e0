using Wbpm.Domain.Expressions;
using Wbpm.Web.Features.Designer;
using Wbpm.Web.Features.Designer.Properties;

namespace Wbpm.Tests.Web.Designer;

/// <summary>The properties panel's rules, independent of the canvas: lists, ids, FEEL checks, which sections show.</summary>
public sealed class PropertiesPanelLogicTests
{
    [Fact]
    public void CandidateListsAreTrimmedDeduplicatedAndEmptyMeansNoAttribute()
    {
        Assert.Equal(["hr", "managers"], CandidateList.Parse(" hr, managers ,,hr"));
        Assert.Equal("hr,managers", CandidateList.Format([" hr", "managers", "hr", ""]));
        Assert.Null(CandidateList.Format([]));
        Assert.Empty(CandidateList.Parse(null));
    }

    [Theory]
    [InlineData("Task_1", true)]
    [InlineData("_approve.v2-final", true)]
    [InlineData("1task", false)]
    [InlineData("approve request", false)]
    [InlineData("", false)]
    public void ElementIdsMustBeXmlNames(string id, bool valid) => Assert.Equal(valid, ElementIdRule.Problem(id) is null);

    [Fact]
    public void AConditionWithASyntaxErrorNamesTheColumnAsTyped()
    {
        var feel = new FeelEngine();

        Assert.Null(ExpressionCheck.Problem(feel, "amount > 1000"));
        Assert.Null(ExpressionCheck.Problem(feel, "= amount > 1000"));
        Assert.Null(ExpressionCheck.Problem(feel, ""));
        Assert.StartsWith("Line 1, column", ExpressionCheck.Problem(feel, "amount >"));
        var plain = ExpressionCheck.Problem(feel, "amount > )")!;
        var prefixed = ExpressionCheck.Problem(feel, "= amount > )")!;
        Assert.NotEqual(plain, prefixed);
    }

    [Theory]
    [InlineData("bpmn:ExclusiveGateway", true)]
    [InlineData("bpmn:InclusiveGateway", true)]
    [InlineData("bpmn:UserTask", true)]
    [InlineData("bpmn:ParallelGateway", false)]
    [InlineData("bpmn:StartEvent", false)]
    public void OnlyFlowsThatCanBeChosenHaveAConditionAndDefault(string sourceType, bool expected) =>
        Assert.Equal(expected, new ElementProperties { Type = "bpmn:SequenceFlow", SourceType = sourceType }.CanHaveCondition);

    [Fact]
    public void SectionsFollowTheElementType()
    {
        Assert.True(new ElementProperties { Type = "bpmn:UserTask" }.IsUserTask);
        Assert.True(new ElementProperties { Type = "bpmn:SendTask" }.IsWorkerTask);
        Assert.True(new ElementProperties { Type = "bpmn:IntermediateCatchEvent", EventDefinitionType = "bpmn:TimerEventDefinition" }.HasTimer);
        Assert.True(new ElementProperties { Type = "bpmn:ReceiveTask" }.HasMessage);
        Assert.False(new ElementProperties { Type = "bpmn:Process" }.IsFlowNode);
        Assert.Equal("Exclusive gateway", new ElementProperties { Type = "bpmn:ExclusiveGateway" }.TypeLabel);
    }
}
