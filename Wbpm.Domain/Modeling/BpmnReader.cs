using System.Xml;
using System.Xml.Linq;
using Wbpm.Domain.Modeling.Reading;

namespace Wbpm.Domain.Modeling;

/// <summary>
/// Reads BPMN 2.0 XML into a <see cref="ProcessModel"/>. Input is hostile until proven otherwise: see
/// <see cref="SecureXmlLoader"/>. Every problem is reported as a <see cref="BpmnParseException"/> listing all errors
/// found, each with line, column and element id.
/// </summary>
public sealed class BpmnReader(BpmnReaderOptions? options = null)
{
    private readonly BpmnReaderOptions _options = options ?? BpmnReaderOptions.Default;

    public static ProcessModel ReadString(string xml) => new BpmnReader().Read(xml);

    public ProcessModel Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > _options.MaxCharactersInDocument)
            throw TooLarge();
        return Read(settings => XmlReader.Create(new StringReader(xml), settings));
    }

    /// <summary>Reads a stream (encoding from the XML declaration or BOM). Reads at most the size cap, never more.</summary>
    public ProcessModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Up to 4 bytes per character in UTF-8: the cap in bytes that can still be within the character cap.
        var maxBytes = _options.MaxCharactersInDocument * 4;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw TooLarge();
        }
        var bytes = buffer.ToArray();
        return Read(settings => XmlReader.Create(new MemoryStream(bytes, writable: false), settings));
    }

    private ProcessModel Read(Func<XmlReaderSettings, XmlReader> open)
    {
        var document = SecureXmlLoader.Load(open, _options);
        var root = document.Root!;
        var context = new ReadContext();
        if (root.Name != BpmnNamespaces.Model + "definitions")
        {
            context.Error(root,
                $"The root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'; a BPMN 2.0 document starts " +
                $"with <definitions> in namespace '{BpmnNamespaces.Model.NamespaceName}'.");
            throw new BpmnParseException(context.Errors);
        }

        ReferenceChecker.CheckDuplicateIds(document, context);
        var definitions = new DefinitionsReader(context).Read(root);
        var ids = document.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        ReferenceChecker.CheckReferences(definitions, ids, context);
        if (context.Errors.Count > 0)
            throw new BpmnParseException(context.Errors);
        return new ProcessModel(definitions);
    }

    private BpmnParseException TooLarge() =>
        new([new BpmnParseError($"The document is larger than the limit of {_options.MaxCharactersInDocument:N0} characters.", 0, 0)]);
}
