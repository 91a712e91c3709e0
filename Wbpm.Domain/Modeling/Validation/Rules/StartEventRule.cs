namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>Every process and subprocess needs somewhere to start (section 10.5.2).</summary>
internal sealed class StartEventRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var process in context.Model.Processes)
        {
            if (!process.IsExecutable)
                context.Warning(process.Id,
                    $"Process '{process.Name ?? process.Id}' is not marked executable (isExecutable=\"false\"): it can be read and " +
                    "drawn, but the engine will not start it.");
            CheckScope(context, process, "process", process.Name ?? process.Id);
        }
        foreach (var sub in context.Model.AllNodes.OfType<SubProcess>())
        {
            if (sub.Kind is SubProcessKind.AdHoc) continue; // ad-hoc subprocesses have no start event by definition
            CheckScope(context, sub, sub.TriggeredByEvent ? "event subprocess" : "subprocess", sub.Name ?? sub.Id);
        }
    }

    private static void CheckScope(ValidationContext context, IFlowElementContainer scope, string kind, string name)
    {
        var starts = context.Model.StartEventsOf(scope);
        if (starts.Count == 0)
        {
            context.Error(scope.Id, $"The {kind} '{name}' has no start event, so it can never begin. Add a start event.");
            return;
        }
        if (scope is SubProcess { TriggeredByEvent: true })
        {
            if (starts.Count > 1)
                context.Error(scope.Id, $"The event subprocess '{name}' has {starts.Count} start events; it must have exactly one.");
            foreach (var start in starts.Where(s => s.Trigger == EventTrigger.None))
                context.Error(start.Id, "The start event of an event subprocess needs a trigger (timer, message, signal or error).");
        }
        else if (scope is SubProcess)
        {
            foreach (var start in starts.Where(s => s.Trigger != EventTrigger.None))
                context.Error(start.Id, "A start event inside an embedded subprocess must be a plain (none) start event.");
        }
    }
}
