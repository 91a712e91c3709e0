using Wbpm.Domain.Expressions;
using Wbpm.Web.Features.Designer.Properties;

namespace Wbpm.Tests.Web.Designer;

/// <summary>The form builder's rules (docs/forms.md) and what it writes, independent of the canvas.</summary>
public sealed class FormDefinitionEditorModelTests
{
    private static readonly FeelEngine Feel = new();

    private static FormDefinitionEditorModel With(params FormFieldEditor[] fields)
    {
        var model = new FormDefinitionEditorModel();
        model.Fields.AddRange(fields);
        return model;
    }

    private static string? Problem(FormDefinitionEditorModel model, string path) => model.Problems(Feel).For(path);

    [Fact]
    public void Two_fields_with_the_same_key_are_refused_on_the_second_naming_the_key()
    {
        var model = With(new FormFieldEditor { Key = "reason" }, new FormFieldEditor { Key = "reason" });

        Assert.Null(Problem(model, "fields[0].key"));
        Assert.Equal("Another field already uses the key 'reason'.", Problem(model, "fields[1].key"));
    }

    [Theory]
    [InlineData("days", true)]
    [InlineData("_total$2", true)]
    [InlineData("2days", false)]
    [InlineData("first day", false)]
    [InlineData("not", false)]
    [InlineData("", false)]
    public void A_key_is_a_feel_name(string key, bool valid) =>
        Assert.Equal(valid, Problem(With(new FormFieldEditor { Key = key }), "fields[0].key") is null);

    [Fact]
    public void A_select_needs_options_with_distinct_values()
    {
        var empty = With(new FormFieldEditor { Key = "kind", Type = FormFieldTypes.Select });
        var twice = With(new FormFieldEditor
        {
            Key = "kind", Type = FormFieldTypes.Select,
            Options = [new() { Value = "annual" }, new() { Value = "annual" }],
        });

        Assert.Equal("A select field needs at least one option.", Problem(empty, "fields[0].options"));
        Assert.Equal("The value 'annual' is already an option.", Problem(twice, "fields[0].options[1].value"));
    }

    [Fact]
    public void A_pattern_must_be_a_valid_regular_expression_on_a_text_field()
    {
        Assert.Null(Problem(With(new FormFieldEditor { Key = "code", Pattern = @"^[A-Z]{2}\d{4}$" }), "fields[0].pattern"));
        Assert.StartsWith("Not a valid regular expression", Problem(With(new FormFieldEditor { Key = "code", Pattern = "([a-z" }), "fields[0].pattern"));
        Assert.Equal("A pattern applies to text and multiline fields only.",
            Problem(With(new FormFieldEditor { Key = "n", Type = FormFieldTypes.Number, Pattern = "\\d+" }), "fields[0].pattern"));
    }

    [Theory]
    [InlineData(FormFieldTypes.Number, "5", "1", "The maximum is smaller than the minimum.")]
    [InlineData(FormFieldTypes.Number, "1", "30", null)]
    [InlineData(FormFieldTypes.Number, "1.5", "1.25", "The maximum is smaller than the minimum.")]
    [InlineData(FormFieldTypes.Date, "2026-02-01", "2026-01-31", "The maximum is smaller than the minimum.")]
    [InlineData(FormFieldTypes.Text, "10", "2", "The maximum is smaller than the minimum.")]
    [InlineData(FormFieldTypes.Text, "", "-1", "The maximum is a length: a whole number, 0 or more.")]
    [InlineData(FormFieldTypes.Date, "", "31/01/2026", "The maximum is an ISO date, yyyy-MM-dd.")]
    public void Min_must_not_exceed_max_in_the_fields_type(string type, string min, string max, string? expected) =>
        Assert.Equal(expected, Problem(With(new FormFieldEditor { Key = "f", Type = type, Min = min, Max = max }), "fields[0].max"));

    [Fact]
    public void Min_and_max_do_not_apply_to_yes_no_fields()
    {
        var model = With(new FormFieldEditor { Key = "ok", Type = FormFieldTypes.Boolean, Min = "1" });

        Assert.Equal("Min and max apply to number, text, multiline and date fields only.", Problem(model, "fields[0].min"));
    }

    [Fact]
    public void A_default_is_a_literal_of_the_fields_type_or_a_feel_expression()
    {
        Assert.NotNull(Problem(With(new FormFieldEditor { Key = "n", Type = FormFieldTypes.Number, Default = "many" }), "fields[0].default"));
        Assert.Null(Problem(With(new FormFieldEditor { Key = "n", Type = FormFieldTypes.Number, Default = "= amount * 2" }), "fields[0].default"));
        Assert.StartsWith("Line 1, column", Problem(With(new FormFieldEditor { Key = "n", Default = "= amount >" }), "fields[0].default"));
        Assert.Equal("The default 'other' is not one of the options.", Problem(With(new FormFieldEditor
        {
            Key = "kind", Type = FormFieldTypes.Select, Default = "other", Options = [new() { Value = "annual" }],
        }), "fields[0].default"));
    }

    [Fact]
    public void An_outcome_needs_a_distinct_label_a_variable_and_a_value()
    {
        var model = new FormDefinitionEditorModel();
        model.Outcomes.Add(new FormOutcomeEditor { Label = "Approve", Variable = "approved", Value = "true" });
        model.Outcomes.Add(new FormOutcomeEditor { Label = "Approve", Variable = "is approved", Value = "" });

        var problems = model.Problems(Feel);

        Assert.Equal(3, problems.Count);
        Assert.Equal("Another button is already labelled 'Approve'.", problems.For("outcomes[1].label"));
        Assert.NotNull(problems.For("outcomes[1].variable"));
        Assert.NotNull(problems.For("outcomes[1].value"));
    }

    [Fact]
    public void Added_fields_get_the_next_free_key_and_outcomes_default_to_approve_then_reject()
    {
        var model = new FormDefinitionEditorModel();
        model.AddField().Key = "field2";

        Assert.Equal("field1", model.AddField().Key);
        Assert.Equal("field3", model.AddField().Key);
        Assert.Equal(("Approve", "approved", "true"), Tuple(model.AddOutcome()));
        Assert.Equal(("Reject", "approved", "false"), Tuple(model.AddOutcome()));
        Assert.Empty(model.Problems(Feel));

        static (string, string, string) Tuple(FormOutcomeEditor o) => (o.Label, o.Variable, o.Value);
    }

    [Fact]
    public void Moving_a_field_swaps_it_with_its_neighbour_and_stops_at_the_ends()
    {
        var model = With(new FormFieldEditor { Key = "a" }, new FormFieldEditor { Key = "b" }, new FormFieldEditor { Key = "c" });

        Assert.True(FormDefinitionEditorModel.Move(model.Fields, 2, -1));
        Assert.False(FormDefinitionEditorModel.Move(model.Fields, 0, -1));
        Assert.False(FormDefinitionEditorModel.Move(model.Fields, 2, 1));
        Assert.Equal(["a", "c", "b"], model.Fields.Select(f => f.Key));
    }

    [Fact]
    public void What_is_written_is_trimmed_has_no_empty_attributes_and_options_only_on_selects()
    {
        var model = With(
            new FormFieldEditor { Key = " days ", Label = "", Type = FormFieldTypes.Number, Min = " 1 ", Required = true, Options = [new() { Value = "x" }] },
            new FormFieldEditor { Key = "kind", Type = FormFieldTypes.Select, Options = [new() { Value = " a ", Label = " A " }] });

        var data = model.ToData()!;

        Assert.Equal(new FormFieldData { Key = "days", Type = "number", Min = "1", Required = true }, data.Fields[0] with { Options = [] });
        Assert.Empty(data.Fields[0].Options);
        Assert.Equal([new FormOptionData("a", "A")], data.Fields[1].Options);
        Assert.Null(new FormDefinitionEditorModel().ToData());
    }

    [Fact]
    public void A_form_read_back_from_the_model_writes_the_same_form()
    {
        var data = new FormDefinitionData(
            [
                new FormFieldData { Key = "reason", Label = "Reason", Type = "multiline", Readonly = true, Pattern = " ^x " },
                new FormFieldData { Key = "kind", Type = "select", Default = "annual", Options = [new("annual", "Annual leave"), new("unpaid", null)] },
            ],
            [new FormOutcomeData("Approve", "approved", "true")]);

        var again = FormDefinitionEditorModel.From(data).ToData()!;

        Assert.Equal(EditorSource<FormDefinitionData>.Json(data), EditorSource<FormDefinitionData>.Json(again));
    }
}
