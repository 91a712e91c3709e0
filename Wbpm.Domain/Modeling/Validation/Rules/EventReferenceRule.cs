namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>Message and signal events need a name to correlate on; boundary events need an activity to sit on.</summary>
internal sealed class EventReferenceRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var node in context.Model.AllNodes)
        {
            switch (node)
            {
                case BoundaryEvent boundary: CheckBoundary(context, boundary); break;
                case ReceiveTask receive when string.IsNullOrWhiteSpace(receive.MessageName):
                    context.Error(node.Id, $"{ValidationContext.Describe(node)} waits for a message but names none. Choose a message with a name.");
                    break;
            }
            if (node is not Event ev) continue;
            var catches = ev is StartEvent or IntermediateCatchEvent or BoundaryEvent;
            foreach (var definition in ev.EventDefinitions)
            {
                if (catches && definition is MessageEventDefinition { MessageName: null or "" })
                    context.Error(node.Id, $"{ValidationContext.Describe(node)} waits for a message but names none. Choose a message with a name.");
                if (definition is SignalEventDefinition { SignalName: null or "" })
                    context.Error(node.Id, $"{ValidationContext.Describe(node)} uses a signal without a name. Choose a signal with a name.");
            }
        }
    }

    private static void CheckBoundary(ValidationContext context, BoundaryEvent boundary)
    {
        var host = context.Model.FindNode(ModelIds.Local(boundary.AttachedToRef));
        if (host is not Activity activity)
        {
            context.Error(boundary.Id,
                $"{ValidationContext.Describe(boundary)} is not attached to an activity; attach it to a task, subprocess or call activity.");
            return;
        }
        if (!ReferenceEquals(context.Model.ScopeOf(activity), context.Model.ScopeOf(boundary)))
            context.Error(boundary.Id, $"{ValidationContext.Describe(boundary)} must be in the same process or subprocess as the activity it is attached to.");
    }
}
