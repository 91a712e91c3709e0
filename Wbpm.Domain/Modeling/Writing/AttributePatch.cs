using System.Xml.Linq;
using Wbpm.Domain.Modeling.Reading;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>
/// Sets typed attributes on an element that starts as a copy of the source's attributes. An attribute is only
/// touched when its meaning changed, so an unchanged model writes back exactly what was read.
/// </summary>
internal static class AttributePatch
{
    public static void Set(XElement x, XName name, string? value)
    {
        if (x.Attribute(name)?.Value == value) return;
        x.SetAttributeValue(name, value);
    }

    public static void SetBool(XElement x, XName name, bool value, bool defaultValue)
    {
        if (XmlValues.ParseBool(x.Attribute(name)?.Value, defaultValue) == value) return;
        x.SetAttributeValue(name, value ? "true" : "false");
    }

    /// <summary>wbpm:/camunda: attribute: unchanged stays in whichever namespace it was; a change is written as wbpm:.</summary>
    public static void SetExtension(XElement x, string localName, string? value)
    {
        if (x.Extension(localName) == value) return;
        x.SetAttributeValue(BpmnNamespaces.Camunda + localName, null);
        x.SetAttributeValue(BpmnNamespaces.Wbpm + localName, value);
    }

    public static void SetExtensionBool(XElement x, string localName, bool value)
    {
        if (x.ExtensionBool(localName) == value) return;
        x.SetAttributeValue(BpmnNamespaces.Camunda + localName, null);
        x.SetAttributeValue(BpmnNamespaces.Wbpm + localName, value ? "true" : null);
    }

    /// <summary>A wbpm:-only flag with a default: the default is written as no attribute at all.</summary>
    public static void SetWbpmBool(XElement x, string localName, bool value, bool defaultValue)
    {
        if (XmlValues.ParseBool(x.Attribute(BpmnNamespaces.Wbpm + localName)?.Value, defaultValue) == value) return;
        x.SetAttributeValue(BpmnNamespaces.Wbpm + localName, value == defaultValue ? null : value ? "true" : "false");
    }

    /// <summary>Ids the reader invented for descriptive elements without one are never written back.</summary>
    public static void SetId(XElement x, BaseElement element)
    {
        if (element.Source is not null && element.Source.Attribute("id") is null) return;
        Set(x, "id", element.Id);
    }
}
