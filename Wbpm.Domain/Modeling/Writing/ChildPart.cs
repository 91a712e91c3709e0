using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Writing;

/// <summary>A group of children the typed model owns; everything not owned by a part is retained from the source.</summary>
internal abstract record ChildPart(Func<XElement, bool> Owns, int Rank);

/// <summary>
/// Children that are model records (flow elements, event definitions, ...). Matched to the source by reference
/// (record.Source == source child), so document order is kept, deleted records disappear and new records are
/// inserted after the last sibling of the same part.
/// </summary>
internal sealed record ElementsPart(
    Func<XElement, bool> Owns, IReadOnlyList<ModelElement> Items, Func<ModelElement, XElement> Render, int Rank)
    : ChildPart(Owns, Rank);

/// <summary>A value written as zero or more elements in place of the first owned source child (the rest are dropped).</summary>
internal sealed record ValuePart(Func<XElement, bool> Owns, IReadOnlyList<XElement> Replacement, int Rank)
    : ChildPart(Owns, Rank)
{
    /// <summary>A text child (documentation, conditionExpression, timeDate, ...): kept as-is when its text is unchanged.</summary>
    public static ValuePart Text(XElement? source, string localName, string? text, int rank)
    {
        var existing = source?.Element(BpmnNamespaces.Model + localName);
        return new ValuePart(c => ReferenceEquals(c, existing), TextChild(existing, localName, text), rank);
    }

    private static IReadOnlyList<XElement> TextChild(XElement? existing, string localName, string? text)
    {
        if (Reading.XmlValues.Text(existing) == text)
            return existing is null ? [] : [new XElement(existing)];
        if (text is null) return [];
        var element = existing is null
            ? new XElement(BpmnNamespaces.Model + localName)
            : new XElement(existing.Name, existing.Attributes().Select(a => new XAttribute(a)));
        element.Add(new XText(text));
        return [element];
    }
}
