using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>Task and manual task (section 10.3.3): nothing for the engine to do, the token passes on.</summary>
public sealed class PassThroughTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node) => context.Complete(token);
}

/// <summary>User task: a wait state with a task row for people (completed by CompleteUserTask).</summary>
public sealed class UserTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.CreateUserTask(token, (UserTask)node);
        context.Wait(token);
    }
}

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

/// <summary>Send task (section 10.3.3): publishes its message and passes on; without a message it is a worker task.</summary>
public sealed class SendTaskBehavior : IFlowNodeBehavior
{
    private readonly ServiceTaskBehavior _worker = new();

    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var task = (SendTask)node;
        if (task.MessageName is null)
        {
            _worker.Execute(context, token, node);
            return;
        }
        context.PublishMessage(token, task, task.MessageName, null);
        context.Complete(token);
    }
}

/// <summary>Receive task (section 10.3.3): waits for its message.</summary>
public sealed class ReceiveTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        var task = (ReceiveTask)node;
        context.OpenMessageWait(token, task, task.MessageName ?? task.Id, task.CorrelationKey, WaitPurpose.Activity);
        context.Wait(token);
    }
}

/// <summary>
/// Script task: scripts never run inside the engine. A job (kind Script) runs it in the sandbox outside the instance
/// transaction; RunJob brings the result back as variables.
/// </summary>
public sealed class ScriptTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.ScheduleScriptJob(token, (ScriptTask)node);
        context.Wait(token);
    }
}

/// <summary>Embedded subprocess (section 10.3.5): a new scope starts at its none start event; the token waits at it.</summary>
public sealed class SubProcessBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.StartSubProcess(token, (SubProcess)node);
    }
}

/// <summary>Call activity (section 10.3.5): asks for a child instance and waits for ChildInstanceEnded.</summary>
public sealed class CallActivityBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.RequestChildInstance(token, (CallActivity)node);
        context.Wait(token);
    }
}
