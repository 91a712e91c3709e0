using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Expressions.Values;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Turns FEEL results into the JSON values variables are stored as. Temporal values become their ISO 8601 text
/// (FEEL's <c>date()</c> etc. read them back); ranges and functions have no JSON form and become null.
/// </summary>
public static class FeelJson
{
    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    public static JsonElement Null => NullElement;

    public static JsonElement ToJson(object? value)
    {
        if (value is JsonElement element) return element;
        if (value is null) return NullElement;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, value, 0);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>A string for keys and names (numbers without trailing zeros); null stays null.</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d => FeelFormatter.FormatNumber(d),
        bool b => b ? "true" : "false",
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => e.GetRawText(),
        _ => ToJson(value) is { ValueKind: JsonValueKind.String } s2 ? s2.GetString() : ToJson(value).GetRawText(),
    };

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 64) throw new InvalidOperationException("The value is nested too deeply to store as a variable.");
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case JsonElement e: e.WriteTo(writer); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case decimal d: writer.WriteNumberValue(d / 1.0000000000000000000000000000m); break; // 2.0 is stored as 2
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double dbl: writer.WriteNumberValue(dbl); break;
            case DateOnly date: writer.WriteStringValue(FeelFormatter.FormatDate(date)); break;
            case TimeOnly time: writer.WriteStringValue(FeelFormatter.FormatTime(time)); break;
            case DateTime local: writer.WriteStringValue(FeelFormatter.FormatLocalDateTime(local)); break;
            case DateTimeOffset dto: writer.WriteStringValue(FeelFormatter.FormatDateTime(dto)); break;
            case TimeSpan span: writer.WriteStringValue(FeelFormatter.FormatDuration(span)); break;
            case FeelYearsMonthsDuration ym: writer.WriteStringValue(FeelFormatter.FormatYearsMonths(ym)); break;
            case IReadOnlyDictionary<string, object?> context:
                writer.WriteStartObject();
                foreach (var (key, entry) in context)
                {
                    writer.WritePropertyName(key);
                    Write(writer, entry, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item, depth + 1);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
