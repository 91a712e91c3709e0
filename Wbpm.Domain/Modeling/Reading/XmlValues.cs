using System.Xml;
using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>Small typed accessors over XElement shared by the reader and the writer (so both agree on values).</summary>
internal static class XmlValues
{
    public static string? Attr(this XElement e, string name) => e.Attribute(name)?.Value;

    public static bool Bool(this XElement e, string name, bool defaultValue) => ParseBool(e.Attribute(name)?.Value, defaultValue);

    public static bool ParseBool(string? value, bool defaultValue)
    {
        if (value is null) return defaultValue;
        try { return XmlConvert.ToBoolean(value.Trim().ToLowerInvariant()); }
        catch (FormatException) { return defaultValue; }
    }

    public static XElement? Child(this XElement e, string localName) => e.Element(BpmnNamespaces.Model + localName);

    /// <summary>Trimmed text of a BPMN child element, null when absent or blank.</summary>
    public static string? ChildText(this XElement e, string localName) => Text(e.Child(localName));

    public static string? Text(XElement? e)
    {
        var text = e?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Text of the first documentation child (section 8.3.1: documentation is on every base element).</summary>
    public static string? Documentation(this XElement e) => Text(e.Child("documentation"));

    /// <summary>An extension attribute: wbpm: wins over camunda: (ARCHITECTURE.md), null when neither is set.</summary>
    public static string? Extension(this XElement e, string localName) =>
        e.Attribute(BpmnNamespaces.Wbpm + localName)?.Value ?? e.Attribute(BpmnNamespaces.Camunda + localName)?.Value;

    public static bool ExtensionBool(this XElement e, string localName) => ParseBool(e.Extension(localName), false);
}
