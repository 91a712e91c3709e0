namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>Conditions are FEEL (optionally written with a leading '='); JUEL '${...}' from Camunda 7 is rejected.</summary>
internal sealed class ExpressionRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var flow in context.Model.AllSequenceFlows)
            if (flow.ConditionExpression is { } condition)
                CheckExpression(context, flow.Id, $"The condition of flow '{ValidationContext.NameOf(flow)}'", condition);

        foreach (var activity in context.Model.AllNodes.OfType<Activity>())
            if (activity.LoopCharacteristics is MultiInstanceLoopCharacteristics { CompletionCondition: { } completion })
                CheckExpression(context, activity.Id, $"The completion condition of {ValidationContext.Describe(activity)}", completion);
    }

    /// <summary>Reports JUEL or a FEEL syntax error in <paramref name="expression"/>; shared with other rules.</summary>
    public static void CheckExpression(ValidationContext context, string elementId, string what, string expression)
    {
        var text = expression.Trim();
        if (IsJuel(text))
        {
            context.Error(elementId, $"{what} is a JUEL expression ({text}). JUEL expressions are not supported; write FEEL, e.g. amount > 1000.");
            return;
        }
        if (text.StartsWith('=')) text = text[1..];
        if (context.Expressions.Check(text) is { } error)
            context.Error(elementId, $"{what} is not valid FEEL: {error.Message} (line {error.Line}, column {error.Column}).");
    }

    public static bool IsJuel(string text) => text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal);
}
