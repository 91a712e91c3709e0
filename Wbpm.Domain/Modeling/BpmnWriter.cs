using System.Text;
using System.Xml;
using System.Xml.Linq;
using Wbpm.Domain.Modeling.Writing;

namespace Wbpm.Domain.Modeling;

/// <summary>
/// Writes a <see cref="ProcessModel"/> as BPMN 2.0 XML. Content the model retained from the source (diagram
/// interchange, other vendors' extensions, untyped elements) is written back unchanged; typed properties are
/// written from the records, so a model built in code (no source, no diagram) is valid BPMN too.
/// </summary>
public static class BpmnWriter
{
    private const string WbpmPrefix = "wbpm";
    private const string BpmnPrefix = "bpmn";

    public static XDocument ToDocument(ProcessModel model)
    {
        var root = new ElementWriter(model).Definitions(model.Definitions);
        DeclareNamespace(root, BpmnPrefix, BpmnNamespaces.Model);
        if (root.DescendantsAndSelf().Any(e => e.Name.Namespace == BpmnNamespaces.Wbpm || e.Attributes().Any(a => a.Name.Namespace == BpmnNamespaces.Wbpm)))
            DeclareNamespace(root, WbpmPrefix, BpmnNamespaces.Wbpm);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    public static string Write(ProcessModel model)
    {
        var document = ToDocument(model);
        using var stream = new MemoryStream();
        Save(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(ProcessModel model, Stream stream) => Save(ToDocument(model), stream);

    private static void Save(XDocument document, Stream stream)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using var writer = XmlWriter.Create(stream, settings);
        document.Save(writer);
    }

    /// <summary>Adds an xmlns declaration when the namespace has no prefix in scope (e.g. a model built in code).</summary>
    private static void DeclareNamespace(XElement root, string prefix, XNamespace ns)
    {
        if (root.GetPrefixOfNamespace(ns) is not null || root.GetDefaultNamespace() == ns) return;
        var candidate = prefix;
        for (var i = 1; root.GetNamespaceOfPrefix(candidate) is not null; i++) candidate = prefix + i;
        root.Add(new XAttribute(XNamespace.Xmlns + candidate, ns.NamespaceName));
    }
}
