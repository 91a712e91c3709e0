using System.Text;
using System.Xml.Linq;
using Wbpm.Domain.Modeling;

namespace Wbpm.Infrastructure.Designer;

public enum ElementChangeKind { Added, Removed, Changed, Moved }

/// <summary>One element that differs between two versions; <see cref="Details"/> says what ("name: 'A' → 'B'").</summary>
public sealed record ElementDifference(string ElementId, ElementChangeKind Kind, string Type, string? Name, IReadOnlyList<string> Details);

/// <summary>
/// What changed between two versions of a model, by element id (ids are what a designer keeps stable; bpmn-js keeps
/// them when an element is moved or edited). An element is Changed when its type, attributes or own content differ
/// (extension elements, conditions, event definitions, ...), Moved when only its shape or path on the diagram did.
/// Nested flow elements, incoming/outgoing and lane membership are not "own content": they are compared as elements.
/// Computed on the server because bpmn-js-differ ships no browser bundle, and so the rules are unit-tested.
/// </summary>
public static class ModelDiff
{
    private static readonly HashSet<string> NotOwnContent = ["incoming", "outgoing", "flowNodeRef"];

    public static IReadOnlyList<ElementDifference> Compare(string fromXml, string toXml) =>
        Compare(BpmnReader.ReadString(fromXml), BpmnReader.ReadString(toXml));

    public static IReadOnlyList<ElementDifference> Compare(ProcessModel from, ProcessModel to)
    {
        var before = Elements(from);
        var after = Elements(to);
        var fromLayout = Layout(from);
        var toLayout = Layout(to);
        var differences = new List<ElementDifference>();
        foreach (var (id, element) in after)
        {
            if (!before.TryGetValue(id, out var old))
            {
                differences.Add(new(id, ElementChangeKind.Added, TypeOf(element), NameOf(element), []));
                continue;
            }
            var details = Details(old, element, before.Keys.Concat(after.Keys).ToHashSet(StringComparer.Ordinal));
            if (details.Count > 0)
                differences.Add(new(id, ElementChangeKind.Changed, TypeOf(element), NameOf(element) ?? NameOf(old), details));
            else if (fromLayout.GetValueOrDefault(id) != toLayout.GetValueOrDefault(id))
                differences.Add(new(id, ElementChangeKind.Moved, TypeOf(element), NameOf(element), ["moved on the diagram"]));
        }
        foreach (var (id, element) in before)
        {
            if (!after.ContainsKey(id))
                differences.Add(new(id, ElementChangeKind.Removed, TypeOf(element), NameOf(element), []));
        }
        return differences.OrderBy(d => d.Kind).ThenBy(d => d.Name ?? d.ElementId, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static Dictionary<string, XElement> Elements(ProcessModel model) =>
        model.AllElements.Where(e => e.Source is not null && !string.IsNullOrEmpty(e.Id))
            .ToDictionary(e => e.Id, e => e.Source!, StringComparer.Ordinal);

    private static List<string> Details(XElement from, XElement to, HashSet<string> elementIds)
    {
        var details = new List<string>();
        if (from.Name != to.Name)
            details.Add($"type: {Words(from.Name.LocalName)} → {Words(to.Name.LocalName)}");
        foreach (var name in from.Attributes().Concat(to.Attributes()).Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != "id")
                     .Select(a => a.Name).Distinct().OrderBy(n => n.ToString(), StringComparer.Ordinal))
        {
            var a = from.Attribute(name)?.Value;
            var b = to.Attribute(name)?.Value;
            if (a != b)
                details.Add($"{Display(name)}: {Quote(a)} → {Quote(b)}");
        }
        var fromParts = OwnContent(from, elementIds);
        var toParts = OwnContent(to, elementIds);
        foreach (var part in fromParts.Keys.Union(toParts.Keys).Order(StringComparer.Ordinal))
        {
            var a = fromParts.GetValueOrDefault(part);
            var b = toParts.GetValueOrDefault(part);
            if (a is null)
                details.Add($"{part} added");
            else if (b is null)
                details.Add($"{part} removed");
            else if (a != b)
                details.Add($"{part} changed");
        }
        return details;
    }

    /// <summary>Own child content by local name (documentation, extensionElements, conditionExpression, ...), canonical text.</summary>
    private static Dictionary<string, string> OwnContent(XElement element, HashSet<string> elementIds) =>
        element.Elements()
            .Where(c => !NotOwnContent.Contains(c.Name.LocalName) && !(c.Attribute("id") is { } id && elementIds.Contains(id.Value)))
            .GroupBy(c => Words(c.Name.LocalName))
            .ToDictionary(g => g.Key, g => string.Join("|", g.Select(Canonical)), StringComparer.Ordinal);

    // Attribute order, formatting whitespace and generated ids of definitions (bpmn-js renames none of them on a move)
    // do not make content different.
    private static string Canonical(XElement element)
    {
        var text = new StringBuilder();
        text.Append('<').Append(element.Name);
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != "id")
                     .OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
            text.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
        text.Append('>');
        foreach (var node in element.Nodes())
        {
            if (node is XElement child)
                text.Append(Canonical(child));
            else if (node is XText t && !string.IsNullOrWhiteSpace(t.Value))
                text.Append(t.Value.Trim());
        }
        return text.Append("</>").ToString();
    }

    /// <summary>Bounds of each shape and waypoints of each edge, by the element they draw.</summary>
    private static Dictionary<string, string> Layout(ProcessModel model)
    {
        var root = model.AllElements.Select(e => e.Source).FirstOrDefault(s => s is not null)?.AncestorsAndSelf().Last();
        var layout = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root is null)
            return layout;
        foreach (var shape in root.Descendants().Where(e => e.Name.Namespace == BpmnNamespaces.Di && e.Name.LocalName is "BPMNShape" or "BPMNEdge"))
        {
            if (shape.Attribute("bpmnElement")?.Value is not { } id)
                continue;
            layout[id] = string.Join(";", shape.Elements().Where(e => e.Name.LocalName is "Bounds" or "waypoint")
                .Select(e => string.Join(",", e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value))));
        }
        return layout;
    }

    private static string TypeOf(XElement element) => Words(element.Name.LocalName);

    private static string? NameOf(XElement element) => element.Attribute("name")?.Value is { Length: > 0 } name ? name : null;

    private static string Display(XName name) =>
        name.Namespace == BpmnNamespaces.Wbpm ? "wbpm:" + name.LocalName
        : name.Namespace == BpmnNamespaces.Camunda ? "camunda:" + name.LocalName
        : name.Namespace == XNamespace.None ? name.LocalName
        : name.LocalName;

    private static string Quote(string? value) => value is null ? "(none)" : $"'{value}'";

    /// <summary>"userTask" → "User task".</summary>
    public static string Words(string localName)
    {
        var text = new StringBuilder();
        for (var i = 0; i < localName.Length; i++)
        {
            var c = localName[i];
            if (i == 0)
                text.Append(char.ToUpperInvariant(c));
            else if (char.IsUpper(c))
                text.Append(' ').Append(char.ToLowerInvariant(c));
            else
                text.Append(c);
        }
        return text.ToString();
    }
}
