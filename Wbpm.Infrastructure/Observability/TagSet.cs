using System.Collections;
using System.Globalization;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// An immutable set of measurement tags, sorted by key, usable as a dictionary key: the identity of one time series.
/// Values are stored as invariant-culture strings because that is all the exposition format can carry.
/// </summary>
public sealed class TagSet : IReadOnlyList<KeyValuePair<string, string>>, IEquatable<TagSet>
{
    private readonly KeyValuePair<string, string>[] _tags;
    private readonly int _hash;

    public static TagSet Empty { get; } = new([]);

    private TagSet(KeyValuePair<string, string>[] sortedUniqueTags)
    {
        _tags = sortedUniqueTags;
        var hash = new HashCode();
        foreach (var (key, value) in _tags)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        _hash = hash.ToHashCode();
    }

    public static TagSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
            return Empty;
        var converted = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
            converted[i] = new(tags[i].Key, FormatValue(tags[i].Value));
        return Normalize(converted);
    }

    public static TagSet From(IEnumerable<KeyValuePair<string, string>> tags) => Normalize(tags.ToArray());

    public int Count => _tags.Length;

    public KeyValuePair<string, string> this[int index] => _tags[index];

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_tags).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(TagSet? other)
    {
        if (other is null || other._hash != _hash || other._tags.Length != _tags.Length)
            return false;
        for (var i = 0; i < _tags.Length; i++)
        {
            if (!string.Equals(_tags[i].Key, other._tags[i].Key, StringComparison.Ordinal)
                || !string.Equals(_tags[i].Value, other._tags[i].Value, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as TagSet);

    public override int GetHashCode() => _hash;

    public override string ToString() => string.Join(",", _tags.Select(t => $"{t.Key}={t.Value}"));

    /// <summary>Sorts by key and keeps the last value of a repeated key: a series may not repeat a label.</summary>
    private static TagSet Normalize(KeyValuePair<string, string>[] tags)
    {
        if (tags.Length == 0)
            return Empty;
        // A stable sort keeps recording order among equal keys, so "last one wins" is well defined.
        var sorted = tags.Select((tag, index) => (tag, index))
            .OrderBy(t => t.tag.Key, StringComparer.Ordinal).ThenBy(t => t.index)
            .Select(t => t.tag)
            .ToList();
        var unique = new List<KeyValuePair<string, string>>(sorted.Count);
        foreach (var tag in sorted)
        {
            if (unique.Count > 0 && string.Equals(unique[^1].Key, tag.Key, StringComparison.Ordinal))
                unique[^1] = tag;
            else
                unique.Add(tag);
        }
        return new TagSet([.. unique]);
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false", // bool.ToString() gives "True"; OpenTelemetry and Prometheus use lower case.
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
