namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>One error per element the engine cannot execute, naming the kind (see <see cref="ExecutableElements"/>).</summary>
internal sealed class NotExecutableRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var element in AllFlowElements(context.Model))
        {
            var kind = ExecutableElements.NotExecutableKind(context.Model, element, context.Options.ScriptTasksEnabled);
            if (kind is not null)
                context.Error(element.Id,
                    $"{Capitalize(kind)} is not supported by the Wbpm engine yet ({ValidationContext.Describe(element)}). " +
                    "The model keeps it, but a process containing it cannot be deployed to run.");
        }
    }

    private static IEnumerable<FlowElement> AllFlowElements(ProcessModel model) =>
        model.Processes.SelectMany(p => Flatten(p.FlowElements));

    private static IEnumerable<FlowElement> Flatten(IReadOnlyList<FlowElement> elements) =>
        elements.SelectMany(e => e is SubProcess sub ? Flatten(sub.FlowElements).Prepend(e) : [e]);

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
