using System.Globalization;
using System.Text.Json;
using Wbpm.Domain.Forms;
using Wbpm.Domain.Modeling;

namespace Wbpm.Web.Features.Forms;

/// <summary>
/// The value one field's Radzen input is bound to (each input type binds its own CLR type), converted from and to
/// the JSON value the form reads and submits.
/// </summary>
internal sealed class FormInput(FormField field)
{
    public FormField Field { get; } = field;
    public string? Text { get; set; }
    public decimal? Number { get; set; }
    public DateTime? Date { get; set; }
    public bool Flag { get; set; }

    public static FormInput From(FormField field, JsonElement? value)
    {
        var input = new FormInput(field);
        if (value is not { } v || FormSubmission.IsEmpty(v)) return input;
        switch (field.Type)
        {
            case FormFieldType.Number:
                input.Number = v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) ? n
                    : FormLiterals.TryParseNumber(AsText(v), out var parsed) ? parsed : null;
                break;
            case FormFieldType.Date:
                input.Date = FormLiterals.TryParseDate(AsText(v), out var date) ? date.ToDateTime(TimeOnly.MinValue)
                    : DateTimeOffset.TryParse(AsText(v), CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto) ? dto.Date : null;
                break;
            case FormFieldType.Boolean:
                input.Flag = v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.GetString() == "true");
                break;
            default:
                input.Text = AsText(v);
                break;
        }
        return input;
    }

    /// <summary>What the form submits for this field: null when left empty (a check box is always true or false).</summary>
    public JsonElement ToJson() => Field.Type switch
    {
        FormFieldType.Number => JsonSerializer.SerializeToElement(Number),
        FormFieldType.Date => JsonSerializer.SerializeToElement(Date is { } d ? FormLiterals.FormatDate(DateOnly.FromDateTime(d)) : null),
        FormFieldType.Boolean => JsonSerializer.SerializeToElement(Flag),
        _ => JsonSerializer.SerializeToElement(string.IsNullOrEmpty(Text) ? null : Text),
    };

    /// <summary>A read-only field's value as the person reads it.</summary>
    public static string Display(FormField field, JsonElement? value)
    {
        if (value is not { } v || FormSubmission.IsEmpty(v)) return "";
        return field.Type switch
        {
            FormFieldType.Boolean => v.ValueKind == JsonValueKind.True ? "Yes" : "No",
            FormFieldType.Select => field.Options.FirstOrDefault(o => o.Value == AsText(v))?.Label ?? AsText(v) ?? "",
            FormFieldType.Number when v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var n) => n.ToString("0.############", CultureInfo.InvariantCulture),
            _ => AsText(v) ?? "",
        };
    }

    private static string? AsText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };
}
