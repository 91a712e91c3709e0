using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Wbpm.Infrastructure.Templates;

/// <summary>
/// Replaces <c>{{name}}</c> markers inside attribute values and text nodes of a template document. Values are set
/// through LINQ to XML, so the writer escapes them: a value can never open or close markup. Markers elsewhere
/// (element or attribute names) are not substituted and make the template invalid.
/// </summary>
public static partial class TemplatePlaceholders
{
    /// <summary>Names of all markers in <paramref name="xml"/> (for checking a manifest against its model).</summary>
    public static IReadOnlySet<string> Find(string xml) =>
        Marker().Matches(xml).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static string Substitute(string xml, IReadOnlyDictionary<string, string> values)
    {
        var document = Load(xml);
        foreach (var attribute in document.Descendants().Attributes().Where(a => a.Value.Contains("{{", StringComparison.Ordinal)))
            attribute.Value = Replace(attribute.Value, values);
        foreach (var text in document.DescendantNodes().OfType<XText>().Where(t => t.Value.Contains("{{", StringComparison.Ordinal)))
            text.Value = Replace(text.Value, values);
        return (document.Declaration is null ? "" : document.Declaration + Environment.NewLine) + document;
    }

    private static string Replace(string text, IReadOnlyDictionary<string, string> values) =>
        Marker().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The template uses '{{{{{m.Groups[1].Value}}}}}' but has no such parameter."));

    // Templates are ours or already-parsed tenant XML, but read them the same safe way as uploads: no DTD, no resolver.
    private static XDocument Load(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9_]*)\}\}")]
    private static partial Regex Marker();
}
