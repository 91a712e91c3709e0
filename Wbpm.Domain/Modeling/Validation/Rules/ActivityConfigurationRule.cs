namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>Settings an activity needs before the engine can run it.</summary>
internal sealed class ActivityConfigurationRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var activity in context.Model.AllNodes.OfType<Activity>())
        {
            var what = ValidationContext.Describe(activity);
            switch (activity)
            {
                case UserTask user when IsBlank(user.Assignee) && IsBlank(user.CandidateUsers) && IsBlank(user.CandidateGroups):
                    context.Warning(activity.Id,
                        $"{what} has no assignee and no candidate users or groups: it will appear in nobody's inbox until an administrator assigns it.");
                    break;
                case CallActivity call when IsBlank(call.CalledElement):
                    context.Error(activity.Id, $"{what} does not say which process to call. Set the called element (process id).");
                    break;
                // A send task with a message and no job type publishes the message itself (engine SendTaskBehavior).
                case ServiceTask or SendTask when activity is WorkerTask worker && !worker.HasExecutableImplementation && !HasJavaDelegate(worker) &&
                                                  activity is not SendTask { MessageName: not null }:
                    context.Error(activity.Id,
                        $"{what} has no job type, so no worker would ever pick it up. Set wbpm:type (or camunda:type=\"external\" with a topic).");
                    break;
                // Only the JavaScript sandbox exists; when scripts are off, NotExecutableRule reports the task instead.
                case ScriptTask script when context.Options.ScriptTasksEnabled && !IsJavaScript(script.ScriptFormat):
                    context.Error(activity.Id,
                        $"{what} is written in '{script.ScriptFormat}', but Wbpm runs only JavaScript scripts. Set the script format to javascript.");
                    break;
                case ScriptTask script when context.Options.ScriptTasksEnabled && IsBlank(script.Script):
                    context.Error(activity.Id, $"{what} has no script. Write the JavaScript it should run.");
                    break;
                case WorkerTask { Type: "external" } external when IsBlank(external.Topic):
                    context.Error(activity.Id, $"{what} is an external task without a topic. Set the topic the workers subscribe to.");
                    break;
            }
            if (activity.LoopCharacteristics is MultiInstanceLoopCharacteristics mi &&
                IsBlank(mi.Collection) && IsBlank(mi.LoopCardinality) && IsBlank(mi.LoopDataInputRef))
            {
                context.Error(activity.Id,
                    $"{what} is multi-instance but says neither how many instances (loop cardinality) nor over which collection to run.");
            }
        }
    }

    public static bool HasJavaDelegate(WorkerTask task) =>
        !IsBlank(task.JavaClass) || !IsBlank(task.DelegateExpression) || !IsBlank(task.JavaExpression);

    /// <summary>No format means JavaScript (the only language the engine has); the usual names and MIME types are accepted.</summary>
    public static bool IsJavaScript(string? scriptFormat) =>
        IsBlank(scriptFormat) || scriptFormat!.Trim().ToLowerInvariant() is "javascript" or "ecmascript" or "js"
            or "application/javascript" or "text/javascript" or "application/ecmascript" or "text/ecmascript";

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
