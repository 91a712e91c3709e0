using System.Xml;
using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>
/// Loads untrusted XML: no DTD (so no entity expansion: billion laughs, quadratic blow-up, XXE), no resolver
/// (no file or network access), and caps on characters, depth and element count. A streaming pass checks the
/// caps before the tree is built, so a 10,000-deep document never reaches recursive code.
/// </summary>
internal static class SecureXmlLoader
{
    public static XDocument Load(Func<XmlReaderSettings, XmlReader> open, BpmnReaderOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharactersInDocument,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        using (var scan = open(settings))
        {
            var lastGood = (Line: 1, Column: 1);
            try
            {
                CheckLimits(scan, options, ref lastGood);
            }
            catch (XmlException ex)
            {
                // A prohibited DTD carries no position: report the last node read before it (at least line 1).
                var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : lastGood;
                throw new BpmnParseException([new BpmnParseError(Explain(ex, options), line, column)]);
            }
        }
        using var reader = open(settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    private static void CheckLimits(XmlReader reader, BpmnReaderOptions options, ref (int Line, int Column) lastGood)
    {
        var elements = 0;
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (info.LineNumber > 0) lastGood = (info.LineNumber, info.LinePosition);
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.Depth >= options.MaxDepth)
                throw Limit(reader, $"Elements are nested more than {options.MaxDepth} levels deep; BPMN models never need that.");
            if (++elements > options.MaxElements)
                throw Limit(reader, $"The document has more than {options.MaxElements:N0} elements, the limit for one model.");
        }
    }

    private static BpmnParseException Limit(XmlReader reader, string message)
    {
        var info = reader as IXmlLineInfo;
        return new BpmnParseException([new BpmnParseError(message, info?.LineNumber ?? 0, info?.LinePosition ?? 0)]);
    }

    private static string Explain(XmlException ex, BpmnReaderOptions options)
    {
        var message = ex.Message;
        if (message.Contains("DTD", StringComparison.Ordinal))
            return "The document contains a DOCTYPE declaration (DTD). DTDs are not allowed in BPMN uploads: they can expand " +
                   "entities without bound or read files. Remove the <!DOCTYPE ...> line.";
        if (message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            return $"The document is larger than the limit of {options.MaxCharactersInDocument:N0} characters.";
        if (message.Contains("Root element is missing", StringComparison.Ordinal))
            return "The document is empty or has no root element; expected a BPMN <definitions> element.";
        return "The document is not well-formed XML: " + message;
    }
}
