using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>Writes an element's children: the source's children in order, with owned ones replaced from the model.</summary>
internal static class ChildMerger
{
    public static void Merge(XElement target, XElement? source, IReadOnlyList<ChildPart> parts)
    {
        var output = new List<XNode>();
        var lastIndex = new Dictionary<ChildPart, int>();
        var emitted = new HashSet<ModelElement>(ReferenceEqualityComparer.Instance);
        var valuesDone = new HashSet<ChildPart>();
        var bySource = parts.OfType<ElementsPart>().ToDictionary(
            p => p,
            p => SourceIndex(p.Items));

        foreach (var node in source?.Nodes() ?? [])
        {
            if (node is not XElement child)
            {
                output.Add(Clone(node));
                continue;
            }
            var part = parts.FirstOrDefault(p => p.Owns(child));
            switch (part)
            {
                case null:
                    output.Add(new XElement(child));
                    continue;
                case ElementsPart elements:
                    if (bySource[elements].TryGetValue(child, out var item) && emitted.Add(item))
                        output.Add(elements.Render(item));
                    break; // no record for this child any more: it was deleted in code
                case ValuePart value:
                    if (valuesDone.Add(value)) output.AddRange(value.Replacement);
                    break;
            }
            lastIndex[part] = output.Count;
        }

        foreach (var part in parts)
        {
            IReadOnlyList<XNode> pending = part switch
            {
                ElementsPart elements => elements.Items.Where(i => !emitted.Contains(i)).Select(elements.Render).ToArray(),
                ValuePart value when !valuesDone.Contains(value) => value.Replacement,
                _ => [],
            };
            if (pending.Count == 0) continue;
            var at = lastIndex.TryGetValue(part, out var last) ? last : PositionByRank(output, part.Rank);
            output.InsertRange(at, pending);
            foreach (var other in lastIndex.Keys.ToArray())
                if (other != part && lastIndex[other] >= at) lastIndex[other] += pending.Count;
            lastIndex[part] = at + pending.Count;
        }
        target.Add(output);
    }

    private static Dictionary<XElement, ModelElement> SourceIndex(IReadOnlyList<ModelElement> items)
    {
        var index = new Dictionary<XElement, ModelElement>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
            if (item.Source is not null) index.TryAdd(item.Source, item);
        return index;
    }

    private static int PositionByRank(List<XNode> output, int rank)
    {
        var index = output.FindIndex(n => n is XElement e && SchemaOrder.Rank(e) > rank);
        return index < 0 ? output.Count : index;
    }

    private static XNode Clone(XNode node) => node switch
    {
        XCData c => new XCData(c),
        XText t => new XText(t),
        XComment c => new XComment(c),
        XProcessingInstruction p => new XProcessingInstruction(p),
        XElement e => new XElement(e),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
