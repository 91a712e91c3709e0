namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>
/// Per scope: every node should be reachable from a start, and every node should be able to reach an end.
/// An activity reaches its boundary events; event subprocesses, link catch events and compensation handlers start
/// paths of their own. A node without outgoing flows ends its path (implicit end, section 10.5.3).
/// </summary>
internal sealed class ReachabilityRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var process in context.Model.Processes)
            CheckScope(context, process);
        foreach (var sub in context.Model.AllNodes.OfType<SubProcess>())
            CheckScope(context, sub);
    }

    private static void CheckScope(ValidationContext context, IFlowElementContainer scope)
    {
        var model = context.Model;
        var nodes = scope.FlowElements.OfType<FlowNode>().ToArray();
        if (nodes.Length == 0 || scope is SubProcess { Kind: SubProcessKind.AdHoc }) return;

        var forward = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var backward = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            forward[node.Id] = [];
            backward[node.Id] = [];
        }
        foreach (var node in nodes)
        {
            foreach (var flow in model.Outgoing(node))
                Link(forward, backward, node.Id, ModelIds.Local(flow.TargetRef));
            if (node is Activity activity)
                foreach (var boundary in model.BoundaryEventsOf(activity))
                    Link(forward, backward, node.Id, boundary.Id);
        }

        var roots = nodes.Where(IsPathStart).Select(n => n.Id);
        var reached = Walk(roots, forward);
        foreach (var node in nodes.Where(n => !reached.Contains(n.Id)))
            context.Warning(node.Id,
                $"{Capitalize(ValidationContext.Describe(node))} cannot be reached: no path leads to it from a start event.");

        var ends = nodes.Where(n => forward[n.Id].Count == 0 || IsPathStart(n) && n is SubProcess || IsLinkThrow(n)).Select(n => n.Id);
        var finishing = Walk(ends, backward);
        foreach (var node in nodes.Where(n => !finishing.Contains(n.Id)))
            context.Error(node.Id,
                $"{Capitalize(ValidationContext.Describe(node))} can never finish: every path from it loops back without reaching an end.");
    }

    private static bool IsPathStart(FlowNode node) => node switch
    {
        StartEvent => true,
        SubProcess { TriggeredByEvent: true } => true,
        IntermediateCatchEvent { Trigger: EventTrigger.Link } => true,
        Activity a when a.Source?.Attribute("isForCompensation")?.Value == "true" => true,
        _ => false,
    };

    private static bool IsLinkThrow(FlowNode node) => node is IntermediateThrowEvent { Trigger: EventTrigger.Link };

    private static void Link(Dictionary<string, List<string>> forward, Dictionary<string, List<string>> backward, string from, string to)
    {
        if (!forward.ContainsKey(to)) return; // a flow leaving the scope is a reader error, reported there
        forward[from].Add(to);
        backward[to].Add(from);
    }

    private static HashSet<string> Walk(IEnumerable<string> roots, Dictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var root in roots)
            if (seen.Add(root)) queue.Enqueue(root);
        while (queue.Count > 0)
            foreach (var next in edges[queue.Dequeue()])
                if (seen.Add(next)) queue.Enqueue(next);
        return seen;
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
