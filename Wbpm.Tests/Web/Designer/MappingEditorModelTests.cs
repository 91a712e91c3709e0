using Wbpm.Domain.Expressions;
using Wbpm.Web.Features.Designer.Properties;

namespace Wbpm.Tests.Web.Designer;

/// <summary>Input/output mappings, call activity mappings, multi-instance settings and the retry cycle of the panel.</summary>
public sealed class MappingEditorModelTests
{
    private static readonly FeelEngine Feel = new();

    [Fact]
    public void A_mapping_needs_a_feel_name_once_and_an_expression_that_parses()
    {
        var model = MappingListEditorModel.From([new("total", "= price * quantity"), new("total", "1"), new("bad name", "amount >")]);

        var problems = model.Problems(Feel, "outputs");

        Assert.Null(problems.For("outputs[0].name"));
        Assert.Null(problems.For("outputs[0].expression"));
        Assert.Equal("'total' is mapped twice.", problems.For("outputs[1].name"));
        Assert.NotNull(problems.For("outputs[2].name"));
        Assert.StartsWith("Line 1, column", problems.For("outputs[2].expression"));
    }

    [Fact]
    public void A_mapping_without_an_expression_is_refused()
    {
        var model = new MappingListEditorModel();
        model.Add().Name = "x";

        Assert.Equal("The FEEL expression giving the value is required.", model.Problems(Feel, "inputs").For("inputs[0].expression"));
    }

    [Fact]
    public void Call_mappings_pass_all_variables_a_variable_or_an_expression()
    {
        var model = CallMappingsEditorModel.From(
            [new(null, null, null, true), new("order", null, "order", false), new(null, "amount >", "limit", false)],
            [new("result", null, "", false)]);

        var problems = model.Problems(Feel);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Line 1, column", problems.For("in[2].source"));
        Assert.Equal("The target variable is required.", problems.For("out[0].target"));
        Assert.Equal(new CallMappingData(null, "amount >", "limit", false), model.In[2].ToData());
        Assert.Equal(new CallMappingData(null, null, null, true), model.In[0].ToData());
    }

    [Fact]
    public void Multi_instance_needs_a_collection_with_an_element_variable_or_a_cardinality()
    {
        Assert.NotNull(new MultiInstanceEditorModel().Problems(Feel).For("collection"));
        Assert.Equal("Name the variable each instance sees its item in.",
            new MultiInstanceEditorModel { Collection = "= items" }.Problems(Feel).For("elementVariable"));
        Assert.Empty(new MultiInstanceEditorModel { Collection = "= items", ElementVariable = "item" }.Problems(Feel));
        Assert.Empty(new MultiInstanceEditorModel { Cardinality = "3", IsSequential = true }.Problems(Feel));
        Assert.StartsWith("Line 1, column", new MultiInstanceEditorModel { Cardinality = "3", CompletionCondition = "done >" }.Problems(Feel).For("completionCondition"));
    }

    [Fact]
    public void The_output_collection_and_output_element_go_together()
    {
        var model = new MultiInstanceEditorModel { Cardinality = "2", OutputCollection = "results" };

        Assert.NotNull(model.Problems(Feel).For("outputElement"));
        model.OutputElement = "result";
        Assert.Empty(model.Problems(Feel));
        Assert.Equal(new MultiInstanceData { Cardinality = "2", OutputCollection = "results", OutputElement = "result" }, model.ToData());
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("R3/PT10S", true)]
    [InlineData("R5/PT1M", true)]
    [InlineData("PT10S", false)]
    [InlineData("R0/PT10S", false)]
    [InlineData("three times", false)]
    public void A_retry_cycle_is_what_the_job_executor_parses(string value, bool valid) =>
        Assert.Equal(valid, RetryCycleRule.Problem(value) is null);

    [Fact]
    public void An_editor_reloads_for_another_element_or_an_undo_but_not_for_a_stale_re_render_or_its_own_echo()
    {
        var source = new EditorSource<MultiInstanceData>();
        var before = new MultiInstanceData { Cardinality = "2" };
        var written = new MultiInstanceData { Cardinality = "3" };

        Assert.True(source.IsNew("task", before));
        source.Wrote("task", written);
        Assert.False(source.IsNew("task", before with { }));
        Assert.False(source.IsNew("task", written with { }));
        Assert.True(source.IsNew("task", before));
        Assert.True(source.IsNew("other", before));
    }
}
