using System.Text.Json;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Forms;
using static Wbpm.Tests.Domain.Forms.FormXml;

namespace Wbpm.Tests.Domain.Forms;

public sealed class FormPrefillTests
{
    private static readonly FeelEngine Feel = new();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyDictionary<string, JsonElement> Prefill(string formContent, string variables) =>
        FormPrefill.Resolve(Form(formContent), JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(variables)!, Feel, Now);

    [Fact]
    public void A_variable_with_a_value_wins_over_the_default()
    {
        var values = Prefill("""<wbpm:field key="days" type="number" default="1" />""", """{"days": 4}""");

        Assert.Equal(4, values["days"].GetInt32());
    }

    [Fact]
    public void Literal_defaults_are_typed_by_the_field()
    {
        var values = Prefill("""<wbpm:field key="days" type="number" default="2" /><wbpm:field key="ok" type="boolean" default="true" />""", "{}");

        Assert.Equal(JsonValueKind.Number, values["days"].ValueKind);
        Assert.Equal(JsonValueKind.True, values["ok"].ValueKind);
    }

    [Fact]
    public void A_feel_default_is_evaluated_against_the_process_variables()
    {
        var values = Prefill(
            """<wbpm:field key="total" type="number" default="=days * 8" /><wbpm:field key="end" type="date" default="=string(date(startDate) + duration(&quot;P2D&quot;))" />""",
            """{"days": 3, "startDate": "2026-03-02"}""");

        Assert.Equal(24m, values["total"].GetDecimal());
        Assert.Equal("2026-03-04", values["end"].GetString());
    }

    [Fact]
    public void Read_only_fields_show_the_variable_value()
    {
        var values = Prefill("""<wbpm:field key="reason" readonly="true" />""", """{"reason": "holiday"}""");

        Assert.Equal("holiday", values["reason"].GetString());
    }

    [Fact]
    public void A_default_that_fails_to_evaluate_shows_nothing()
    {
        var values = Prefill("""<wbpm:field key="a" type="number" default="=missing + 1" /><wbpm:field key="b" />""", "{}");

        Assert.Empty(values);
    }
}
