namespace Wbpm.Domain.Modeling;

/// <summary>Rebuilds the definitions tree with one element (matched by id) swapped for an updated record.</summary>
internal static class ElementReplacer
{
    public static BpmnDefinitions Replace(BpmnDefinitions definitions, BaseElement updated) =>
        definitions with { RootElements = definitions.RootElements.Select(r => Visit(r, updated)).ToArray() };

    private static T Visit<T>(T element, BaseElement updated) where T : BaseElement
    {
        if (element.Id == updated.Id)
            return updated as T ?? throw new ArgumentException(
                $"Element '{updated.Id}' is a {element.GetType().Name}; it cannot be replaced by a {updated.GetType().Name} here.");
        return element switch
        {
            Process p => (T)(BaseElement)(p with
            {
                FlowElements = VisitAll(p.FlowElements, updated),
                Artifacts = VisitAll(p.Artifacts, updated),
                LaneSets = VisitAll(p.LaneSets, updated),
            }),
            SubProcess s => (T)(BaseElement)(s with
            {
                FlowElements = VisitAll(s.FlowElements, updated),
                Artifacts = VisitAll(s.Artifacts, updated),
            }),
            Collaboration c => (T)(BaseElement)(c with
            {
                Participants = VisitAll(c.Participants, updated),
                MessageFlows = VisitAll(c.MessageFlows, updated),
                Artifacts = VisitAll(c.Artifacts, updated),
            }),
            LaneSet ls => (T)(BaseElement)(ls with { Lanes = VisitAll(ls.Lanes, updated) }),
            Lane l when l.ChildLaneSet is not null => (T)(BaseElement)(l with { ChildLaneSet = Visit(l.ChildLaneSet, updated) }),
            _ => element,
        };
    }

    private static T[] VisitAll<T>(IReadOnlyList<T> elements, BaseElement updated) where T : BaseElement =>
        elements.Select(e => Visit(e, updated)).ToArray();
}
