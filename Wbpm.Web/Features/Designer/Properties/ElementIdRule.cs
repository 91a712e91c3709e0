using System.Xml;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>BPMN ids are XML ids (NCName): start with a letter or '_', then letters, digits, '_', '-', '.'.</summary>
public static class ElementIdRule
{
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return "An id is required.";
        try
        {
            XmlConvert.VerifyNCName(id);
            return null;
        }
        catch (XmlException)
        {
            return "An id starts with a letter or '_' and has only letters, digits, '_', '-' and '.' (no spaces).";
        }
    }
}
