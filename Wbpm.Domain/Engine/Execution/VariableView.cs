using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>
/// The variables visible at a token, as FEEL sees them: the token's activity locals first, then its scope, then the
/// enclosing scopes up to the process (inner names hide outer ones). Values are read lazily: nothing is copied.
/// </summary>
internal sealed class VariableView(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> layers) : IReadOnlyDictionary<string, object?>
{
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        foreach (var layer in layers)
        {
            if (layer.TryGetValue(key, out var element))
            {
                value = element;
                return true;
            }
        }
        value = null;
        return false;
    }

    public bool TryGetJson(string key, out JsonElement value)
    {
        foreach (var layer in layers)
            if (layer.TryGetValue(key, out value)) return true;
        value = default;
        return false;
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public bool ContainsKey(string key) => layers.Any(l => l.ContainsKey(key));
    public IEnumerable<string> Keys => layers.SelectMany(l => l.Keys).Distinct(StringComparer.Ordinal);
    public IEnumerable<object?> Values => Keys.Select(k => this[k]);
    public int Count => Keys.Count();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>All visible variables flattened (inner wins), e.g. for "all variables" mappings.</summary>
    public Dictionary<string, JsonElement> Flatten()
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = layers.Count - 1; i >= 0; i--)
            foreach (var (key, value) in layers[i]) result[key] = value;
        return result;
    }
}
