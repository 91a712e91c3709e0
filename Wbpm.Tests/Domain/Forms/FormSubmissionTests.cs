using System.Text.Json;
using Wbpm.Domain.Forms;
using static Wbpm.Tests.Domain.Forms.FormXml;

namespace Wbpm.Tests.Domain.Forms;

public sealed class FormSubmissionTests
{
    private static readonly Dictionary<string, JsonElement> NoVariables = [];

    private static Dictionary<string, JsonElement> Json(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static FormSubmissionResult Submit(string formContent, string values, string? outcome = null,
        string current = "{}", IReadOnlySet<string>? users = null) =>
        FormSubmission.Validate(Form(formContent), Json(values), Json(current), outcome, users);

    [Fact]
    public void Valid_values_come_back_typed()
    {
        var result = Submit(
            """
            <wbpm:field key="days" type="number" min="1" /><wbpm:field key="from" type="date" />
            <wbpm:field key="urgent" type="boolean" /><wbpm:field key="kind" type="select"><wbpm:option value="annual"/></wbpm:field>
            <wbpm:field key="note" />
            """,
            """{"days": "3", "from": "2026-03-02", "urgent": "true", "kind": "annual", "note": "sun"}""");

        Assert.True(result.IsValid);
        Assert.Equal(3m, result.Values["days"].GetDecimal());
        Assert.Equal("2026-03-02", result.Values["from"].GetString());
        Assert.Equal(JsonValueKind.True, result.Values["urgent"].ValueKind);
        Assert.Equal("annual", result.Values["kind"].GetString());
        Assert.Equal("sun", result.Values["note"].GetString());
    }

    [Fact]
    public void A_missing_required_field_is_an_error_on_its_key()
    {
        var result = Submit("""<wbpm:field key="reason" label="Reason" required="true" /><wbpm:field key="other" />""", """{"reason": "  "}""");

        Assert.False(result.IsValid);
        Assert.Equal(["Reason is required."], result.Errors["reason"]);
        Assert.DoesNotContain("other", result.Errors.Keys);
    }

    [Fact]
    public void A_required_field_left_out_is_satisfied_by_its_current_variable_but_cannot_be_cleared()
    {
        const string form = """<wbpm:field key="reason" required="true" />""";

        Assert.True(Submit(form, "{}", current: """{"reason": "sun"}""").IsValid);
        Assert.False(Submit(form, """{"reason": null}""", current: """{"reason": "sun"}""").IsValid);
    }

    [Theory]
    [InlineData("""<wbpm:field key="a" type="number" />""", """{"a": "many"}""", "must be a number")]
    [InlineData("""<wbpm:field key="a" type="number" min="1" />""", """{"a": 0}""", "at least 1")]
    [InlineData("""<wbpm:field key="a" type="number" max="10" />""", """{"a": 10.5}""", "at most 10")]
    [InlineData("""<wbpm:field key="a" min="3" />""", """{"a": "ab"}""", "at least 3 characters")]
    [InlineData("""<wbpm:field key="a" type="multiline" max="3" />""", """{"a": "abcd"}""", "at most 3 characters")]
    [InlineData("""<wbpm:field key="a" />""", """{"a": 12}""", "must be text")]
    [InlineData("""<wbpm:field key="a" pattern="[A-Z]{2}\d{3}" />""", """{"a": "AB1234"}""", "expected format")]
    [InlineData("""<wbpm:field key="a" type="date" />""", """{"a": "02/03/2026"}""", "must be a date")]
    [InlineData("""<wbpm:field key="a" type="date" min="2026-01-01" />""", """{"a": "2025-12-31"}""", "on or after 2026-01-01")]
    [InlineData("""<wbpm:field key="a" type="date" max="2026-01-01" />""", """{"a": "2026-01-02"}""", "on or before 2026-01-01")]
    [InlineData("""<wbpm:field key="a" type="boolean" />""", """{"a": "yes"}""", "true or false")]
    [InlineData("""<wbpm:field key="a" type="select"><wbpm:option value="x" label="Ex"/></wbpm:field>""", """{"a": "y"}""", "one of: Ex")]
    public void A_value_that_breaks_a_rule_is_an_error_on_its_key(string formContent, string values, string expected)
    {
        var result = Submit(formContent, values);

        Assert.Contains(result.Errors["a"], m => m.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("a", result.Values.Keys);
    }

    [Fact]
    public void A_pattern_must_match_the_whole_value()
    {
        const string form = """<wbpm:field key="a" pattern="\d+" />""";

        Assert.True(Submit(form, """{"a": "123"}""").IsValid);
        Assert.False(Submit(form, """{"a": "123\n"}""").IsValid);
        Assert.False(Submit(form, """{"a": "x123"}""").IsValid);
    }

    [Fact]
    public void A_catastrophic_pattern_times_out_into_a_field_error()
    {
        var result = Submit("""<wbpm:field key="a" pattern="(a+)+b" />""", $$"""{"a": "{{new string('a', 5000)}}c"}""");

        Assert.Contains(result.Errors["a"], m => m.Contains("in time", StringComparison.Ordinal) || m.Contains("expected format", StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_field_accepts_only_users_of_the_tenant()
    {
        const string form = """<wbpm:field key="deputy" type="user" />""";
        var users = new HashSet<string> { "bob" };

        Assert.True(Submit(form, """{"deputy": "bob"}""", users: users).IsValid);
        Assert.Contains("not a user of this tenant", Submit(form, """{"deputy": "mallory"}""", users: users).Errors["deputy"][0]);
    }

    [Fact]
    public void Read_only_fields_are_never_taken_from_the_submission()
    {
        var result = Submit("""<wbpm:field key="days" type="number" readonly="true" required="true" />""", """{"days": 99}""");

        Assert.True(result.IsValid);
        Assert.DoesNotContain("days", result.Values.Keys);
    }

    [Fact]
    public void Values_for_keys_that_are_not_fields_pass_through()
    {
        var result = Submit("""<wbpm:field key="a" />""", """{"a": "x", "source": {"system": "erp"}}""");

        Assert.Equal("erp", result.Values["source"].GetProperty("system").GetString());
    }

    [Fact]
    public void An_outcome_sets_its_variable_to_its_typed_value()
    {
        const string form = """
            <wbpm:field key="comment" />
            <wbpm:outcome label="Approve" variable="approved" value="true" />
            <wbpm:outcome label="Reject" variable="approved" value="false" />
            <wbpm:outcome label="Escalate" variable="level" value="2" />
            """;

        Assert.Equal(JsonValueKind.False, Submit(form, """{"approved": true}""", "Reject").Values["approved"].ValueKind);
        Assert.Equal(2m, Submit(form, "{}", "Escalate").Values["level"].GetDecimal());
    }

    [Fact]
    public void A_form_with_outcomes_needs_one_chosen_or_its_variable_set_to_an_outcome_value()
    {
        const string form = """
            <wbpm:outcome label="Approve" variable="approved" value="true" />
            <wbpm:outcome label="Reject" variable="approved" value="false" />
            """;

        Assert.Contains("Approve or Reject", Submit(form, "{}").Errors[FormSubmission.OutcomeKey][0]);
        Assert.Contains("not an outcome", Submit(form, "{}", "Maybe").Errors[FormSubmission.OutcomeKey][0]);
        Assert.True(Submit(form, """{"approved": false}""").IsValid);
        Assert.False(Submit(form, """{"approved": "perhaps"}""").Errors["approved"].Length == 0);
    }

    [Fact]
    public void An_optional_field_sent_empty_clears_its_variable()
    {
        var result = FormSubmission.Validate(Form("""<wbpm:field key="note" />"""), Json("""{"note": ""}"""), NoVariables);

        Assert.Equal(JsonValueKind.Null, result.Values["note"].ValueKind);
    }
}
