namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>Timer values must be ISO 8601 (date, duration, repeating interval) or cron for cycles, or a FEEL expression ('=...').</summary>
internal sealed class TimerRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var ev in context.Model.AllNodes.OfType<Event>())
        {
            foreach (var timer in ev.EventDefinitions.OfType<TimerEventDefinition>())
                CheckTimer(context, ev, timer);
        }
    }

    private static void CheckTimer(ValidationContext context, Event ev, TimerEventDefinition timer)
    {
        var what = ValidationContext.Describe(ev);
        if (timer.Kind is not { } kind || string.IsNullOrWhiteSpace(timer.Expression))
        {
            context.Error(ev.Id, $"The timer of {what} has no value. Set a date (timeDate), a duration (timeDuration) or a cycle (timeCycle).");
            return;
        }
        var value = timer.Expression.Trim();
        if (value.StartsWith('=') || ExpressionRule.IsJuel(value))
        {
            ExpressionRule.CheckExpression(context, ev.Id, $"The timer of {what}", value);
            return;
        }
        if (TimerDefinitionSyntax.Check(kind, value) is { } problem)
            context.Error(ev.Id, $"The timer of {what} is not valid: {problem}");
    }
}
