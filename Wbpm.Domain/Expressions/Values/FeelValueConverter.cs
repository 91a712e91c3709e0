using System.Collections;
using System.Text.Json;

namespace Wbpm.Domain.Expressions.Values;

/// <summary>
/// Converts values handed in by the host into FEEL values: integers and floating point numbers become
/// decimal, JSON elements become FEEL values, contexts and lists are wrapped and converted lazily
/// (element by element, when read). Types FEEL does not know become null: no reflection, no host access.
/// </summary>
internal static class FeelValueConverter
{
    public static object? FromHost(object? value) => value switch
    {
        null => null,
        decimal or string or bool or DateOnly or TimeOnly or DateTimeOffset or TimeSpan or FeelYearsMonthsDuration or FeelRange => value,
        int i => (decimal)i,
        long l => (decimal)l,
        short s => (decimal)s,
        byte b => (decimal)b,
        sbyte sb => (decimal)sb,
        ushort us => (decimal)us,
        uint ui => (decimal)ui,
        ulong ul => (decimal)ul,
        double d => FromDouble(d),
        float f => FromDouble(f),
        char c => c.ToString(),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        DateTime dt => dt.Kind == DateTimeKind.Utc ? new DateTimeOffset(dt) : DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
        JsonElement json => FromJson(json),
        HostContext or JsonContext or HostList or JsonList => value,
        IReadOnlyDictionary<string, object?> entries => new HostContext(entries),
        IDictionary dictionary => FromDictionary(dictionary),
        IReadOnlyList<object?> list => new HostList(list),
        IEnumerable sequence => new HostList(sequence.Cast<object?>().ToList()),
        _ => null,
    };

    public static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetDecimal(out var number) ? number : FromDouble(json.GetDouble()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => new JsonList(json),
        JsonValueKind.Object => new JsonContext(json),
        _ => null,
    };

    private static object? FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > (double)decimal.MaxValue)
        {
            return null;
        }

        return (decimal)value;
    }

    private static object? FromDictionary(IDictionary dictionary)
    {
        var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                return null;
            }

            entries[key] = entry.Value;
        }

        return new HostContext(entries);
    }
}

/// <summary>A host dictionary seen as a FEEL context; values are converted when read.</summary>
internal sealed class HostContext(IReadOnlyDictionary<string, object?> inner) : IReadOnlyDictionary<string, object?>
{
    public int Count => inner.Count;

    public IEnumerable<string> Keys => inner.Keys;

    public IEnumerable<object?> Values => inner.Values.Select(FeelValueConverter.FromHost);

    public object? this[string key] => FeelValueConverter.FromHost(inner[key]);

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        var found = inner.TryGetValue(key, out var raw);
        value = found ? FeelValueConverter.FromHost(raw) : null;
        return found;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        inner.Select(e => new KeyValuePair<string, object?>(e.Key, FeelValueConverter.FromHost(e.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A host list seen as a FEEL list; elements are converted when read.</summary>
internal sealed class HostList(IReadOnlyList<object?> inner) : IReadOnlyList<object?>
{
    public int Count => inner.Count;

    public object? this[int index] => FeelValueConverter.FromHost(inner[index]);

    public IEnumerator<object?> GetEnumerator() => inner.Select(FeelValueConverter.FromHost).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A JSON object seen as a FEEL context (the engine stores variables as JSON). Last duplicate key wins.</summary>
internal sealed class JsonContext(JsonElement json) : IReadOnlyDictionary<string, object?>
{
    private Dictionary<string, JsonElement>? _properties;

    private Dictionary<string, JsonElement> Properties => _properties ??= BuildProperties();

    public int Count => Properties.Count;

    public IEnumerable<string> Keys => Properties.Keys;

    public IEnumerable<object?> Values => Properties.Values.Select(FeelValueConverter.FromJson);

    public object? this[string key] => FeelValueConverter.FromJson(Properties[key]);

    public bool ContainsKey(string key) => Properties.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        var found = Properties.TryGetValue(key, out var raw);
        value = found ? FeelValueConverter.FromJson(raw) : null;
        return found;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Properties.Select(e => new KeyValuePair<string, object?>(e.Key, FeelValueConverter.FromJson(e.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, JsonElement> BuildProperties()
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        return properties;
    }
}

/// <summary>A JSON array seen as a FEEL list; elements are converted when read.</summary>
internal sealed class JsonList(JsonElement json) : IReadOnlyList<object?>
{
    public int Count => json.GetArrayLength();

    public object? this[int index] => FeelValueConverter.FromJson(json[index]);

    public IEnumerator<object?> GetEnumerator() => json.EnumerateArray().Select(FeelValueConverter.FromJson).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
