using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>
/// Service task by wbpm:type: "set" does its work inline (its FEEL output mappings), "external" waits for a worker
/// on wbpm:topic; any other type is an external task whose topic is the type (the Camunda 8 job-type idea).
/// </summary>
public sealed class ServiceTaskBehavior : IFlowNodeBehavior
{
    public const string SetType = "set";
    public const string ExternalType = "external";

    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var task = (WorkerTask)node;
        if (string.Equals(task.Type, SetType, StringComparison.OrdinalIgnoreCase))
        {
            context.Complete(token);
            return;
        }
        var topic = string.Equals(task.Type, ExternalType, StringComparison.OrdinalIgnoreCase) ? task.Topic : task.Type;
        if (string.IsNullOrWhiteSpace(topic))
        {
            context.RaiseIncident(token, $"Service task '{task.Id}' has no topic to hand to a worker.");
            return;
        }
        context.CreateExternalTask(token, task, topic);
        context.Wait(token);
    }
}
