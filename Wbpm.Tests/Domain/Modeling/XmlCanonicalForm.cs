using System.Text;
using System.Xml.Linq;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>
/// A canonical text form of an XML tree for semantic comparison: element names with namespaces, attributes as a
/// sorted set (namespace declarations ignored, so prefixes do not matter), text trimmed, child order preserved,
/// comments and processing instructions ignored. One line per element, prefixed by its path, so a diff points at
/// the first difference.
/// </summary>
public static class XmlCanonicalForm
{
    public static IReadOnlyList<string> Lines(XDocument document)
    {
        var lines = new List<string>();
        Append(document.Root!, "", lines);
        return lines;
    }

    public static void AssertEquivalent(XDocument expected, XDocument actual, string because)
    {
        var expectedLines = Lines(expected);
        var actualLines = Lines(actual);
        for (var i = 0; i < Math.Min(expectedLines.Count, actualLines.Count); i++)
        {
            if (expectedLines[i] != actualLines[i])
                Assert.Fail($"{because}: first difference at element #{i}:\n expected: {expectedLines[i]}\n actual:   {actualLines[i]}");
        }
        if (expectedLines.Count != actualLines.Count)
            Assert.Fail($"{because}: expected {expectedLines.Count} elements, got {actualLines.Count}. First extra: " +
                (expectedLines.Count > actualLines.Count ? expectedLines[actualLines.Count] : actualLines[expectedLines.Count]));
    }

    private static void Append(XElement element, string parentPath, List<string> lines)
    {
        var path = $"{parentPath}/{element.Name.LocalName}";
        var line = new StringBuilder(path).Append(" {").Append(element.Name.NamespaceName).Append('}');
        foreach (var attribute in element.Attributes()
                     .Where(a => !a.IsNamespaceDeclaration)
                     .Select(a => $"{{{a.Name.NamespaceName}}}{a.Name.LocalName}=\"{a.Value}\"")
                     .Order(StringComparer.Ordinal))
            line.Append(' ').Append(attribute);
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length > 0) line.Append(" text=\"").Append(text).Append('"');
        lines.Add(line.ToString());
        var index = 0;
        foreach (var child in element.Elements())
            Append(child, $"{path}[{index++}]", lines);
    }
}
