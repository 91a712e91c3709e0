using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wbpm.Domain.Modeling;

/// <summary>
/// How the text of form attributes (defaults, min/max, outcome values, keys) is read, in one place so the validator,
/// the submission check and the form UI agree (docs/forms.md).
/// </summary>
public static partial class FormLiterals
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reserved words of FEEL (DMN 1.3 §10.3.1.2): a variable named like one could never be read back.</summary>
    private static readonly HashSet<string> FeelKeywords = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "and", "or", "if", "then", "else", "for", "in", "return",
        "some", "every", "satisfies", "between", "instance", "of", "function",
    };

    /// <summary>A name FEEL reads as one variable: a letter, _ or $, then letters, digits, _ or $; not a keyword.</summary>
    public static bool IsFeelName(string? name) => name is { Length: > 0 } && NamePattern().IsMatch(name) && !FeelKeywords.Contains(name);

    public static bool TryParseNumber(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool TryParseLength(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>An outcome's value: true/false become booleans, numbers become numbers, anything else is text.</summary>
    public static JsonElement Outcome(string value)
    {
        var text = value.Trim();
        if (text == "true") return JsonSerializer.SerializeToElement(true);
        if (text == "false") return JsonSerializer.SerializeToElement(false);
        return TryParseNumber(text, out var number) ? JsonSerializer.SerializeToElement(number) : JsonSerializer.SerializeToElement(value);
    }

    /// <summary>A literal default in the field's type; null when the text does not fit the type.</summary>
    public static JsonElement? Default(FormField field, string text) => field.Type switch
    {
        FormFieldType.Number => TryParseNumber(text, out var number) ? JsonSerializer.SerializeToElement(number) : null,
        FormFieldType.Boolean => text.Trim() switch
        {
            "true" => JsonSerializer.SerializeToElement(true),
            "false" => JsonSerializer.SerializeToElement(false),
            _ => null,
        },
        FormFieldType.Date => TryParseDate(text, out var date) ? JsonSerializer.SerializeToElement(FormatDate(date)) : null,
        FormFieldType.Select => field.Options.Any(o => o.Value == text) ? JsonSerializer.SerializeToElement(text) : null,
        null => null,
        _ => JsonSerializer.SerializeToElement(text),
    };

    [GeneratedRegex(@"\A[\p{L}_$][\p{L}\p{Nd}_$]*\z")]
    private static partial Regex NamePattern();
}
