using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

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
