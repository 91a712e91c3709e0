using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine.Behaviors;

/// <summary>User task: a wait state with a task row for people (completed by CompleteUserTask).</summary>
public sealed class UserTaskBehavior : IFlowNodeBehavior
{
    public void Execute(IBehaviorContext context, Token token, FlowNode node)
    {
        context.CreateUserTask(token, (UserTask)node);
        context.Wait(token);
    }
}
