using System.Globalization;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>Opening and closing wait states, each with the effect the infrastructure turns into a row.</summary>
internal sealed partial class EngineRun
{
    public const string DefaultRetryTimeCycle = "R3/PT10S";

    public void Wait(Token token)
    {
        token.State = TokenState.Waiting;
        if (Model.FindNode(token.ElementId) is Activity activity && !IsInnerInstance(token) &&
            !State.Waits.Any(w => w.TokenId == token.Id && w.Purpose == WaitPurpose.Boundary))
        {
            foreach (var boundary in Model.BoundaryEventsOf(activity))
                if (boundary.Definition is TimerEventDefinition or MessageEventDefinition or SignalEventDefinition)
                    OpenEventWait(token, boundary, boundary.Definition, WaitPurpose.Boundary);
        }
    }

    public void CreateUserTask(Token token, UserTask task)
    {
        // Evaluate everything first: a failing expression must leave no wait behind (it becomes an incident).
        var created = new UserTaskCreated(
            "", token.Id, task.Id, task.Name,
            UserTaskAttributeValues.Assignee(EvaluateLiteralOrFeel(token, task.Assignee)),
            UserTaskAttributeValues.IdList(EvaluateLiteralOrFeel(token, task.CandidateUsers)),
            UserTaskAttributeValues.IdList(EvaluateLiteralOrFeel(token, task.CandidateGroups)),
            UserTaskAttributeValues.Date(EvaluateLiteralOrFeel(token, task.DueDate), "due date", Now),
            UserTaskAttributeValues.Date(EvaluateLiteralOrFeel(token, task.FollowUpDate), "follow-up date", Now),
            UserTaskAttributeValues.Priority(EvaluateLiteralOrFeel(token, task.Priority)),
            FeelJson.ToText(EvaluateLiteralOrFeel(token, task.FormKey)),
            FeelJson.ToText(EvaluateLiteralOrFeel(token, task.Form)),
            Now);
        var id = _context.Ids.NewId();
        State.Waits.Add(new WaitState(id, WaitKind.UserTask, WaitPurpose.Activity, task.Id, token.Id, token.ScopeId));
        Emit(created with { TaskId = id });
    }

    public void CreateExternalTask(Token token, WorkerTask task, string topic)
    {
        var id = _context.Ids.NewId();
        State.Waits.Add(new WaitState(id, WaitKind.ExternalTask, WaitPurpose.Activity, task.Id, token.Id, token.ScopeId));
        var (retries, cycle) = RetriesOf(task);
        Emit(new ExternalTaskCreated(id, token.Id, task.Id, topic, retries, cycle, Now));
    }

    public void ScheduleScriptJob(Token token, ScriptTask task) => ScheduleJob(token, task, JobKind.Script, Now, WaitPurpose.Activity);

    private void ScheduleJob(Token token, FlowNode node, JobKind kind, DateTimeOffset due, WaitPurpose purpose, TimerCycleState? timer = null)
    {
        var id = _context.Ids.NewId();
        State.Waits.Add(new WaitState(id, WaitKind.Job, purpose, node.Id, token.Id, token.ScopeId, timer));
        var (retries, cycle) = RetriesOf(Model.FindNode(token.ElementId) ?? node);
        Emit(new JobScheduled(id, kind, due, node.Id, token.Id, retries, cycle));
    }

    public void OpenEventWait(Token token, FlowNode reactingElement, EventDefinition definition, WaitPurpose purpose) =>
        OpenEventWait(token, token.ScopeId, reactingElement, definition, purpose);

    /// <summary>Opens the wait for a timer, message or signal; <paramref name="token"/> is null for event subprocess starts.</summary>
    private void OpenEventWait(Token? token, string scopeId, FlowNode reactingElement, EventDefinition definition, WaitPurpose purpose)
    {
        switch (definition)
        {
            case TimerEventDefinition timer:
                ArmTimer(token, scopeId, reactingElement, timer, purpose);
                break;
            case MessageEventDefinition message:
                OpenMessageWait(token, scopeId, reactingElement, message.MessageName ?? reactingElement.Id, message.CorrelationKey, purpose);
                break;
            case SignalEventDefinition signal:
                var id = _context.Ids.NewId();
                State.Waits.Add(new WaitState(id, WaitKind.SignalSubscription, purpose, reactingElement.Id, token?.Id, scopeId));
                Emit(new SubscriptionOpened(id, SubscriptionKind.Signal, signal.SignalName ?? reactingElement.Id, null, reactingElement.Id, token?.Id));
                break;
            default:
                throw new EngineIncidentException($"'{reactingElement.Id}' waits for an event the engine does not execute.");
        }
    }

    public void OpenMessageWait(Token token, FlowNode reactingElement, string messageName, string? correlationKeyExpression, WaitPurpose purpose) =>
        OpenMessageWait(token, token.ScopeId, reactingElement, messageName, correlationKeyExpression, purpose);

    private void OpenMessageWait(Token? token, string scopeId, FlowNode reactingElement, string messageName, string? correlationKeyExpression, WaitPurpose purpose)
    {
        var key = correlationKeyExpression is null ? null : FeelJson.ToText(EvaluateIn(token, scopeId, correlationKeyExpression));
        var id = _context.Ids.NewId();
        State.Waits.Add(new WaitState(id, WaitKind.MessageSubscription, purpose, reactingElement.Id, token?.Id, scopeId));
        Emit(new SubscriptionOpened(id, SubscriptionKind.Message, messageName, key, reactingElement.Id, token?.Id));
    }

    private void ArmTimer(Token? token, string scopeId, FlowNode element, TimerEventDefinition timer, WaitPurpose purpose)
    {
        if (timer.Kind is not { } kind || string.IsNullOrWhiteSpace(timer.Expression))
            throw new EngineIncidentException($"Timer '{element.Id}' has no timeDate, timeDuration or timeCycle.");
        var value = TimerValue(token, scopeId, timer.Expression);
        var due = _context.Timers.FirstDue(kind, value, Now);
        if (due is null) return; // a cycle with no repetitions, or a cron that never fires
        var cycle = kind == TimerKind.Cycle && due.RemainingRepetitions != 0 ? new TimerCycleState(value, due.RemainingRepetitions, due.Due) : null;
        var id = _context.Ids.NewId();
        State.Waits.Add(new WaitState(id, WaitKind.Job, purpose, element.Id, token?.Id, scopeId, cycle));
        Emit(new JobScheduled(id, JobKind.Timer, due.Due, element.Id, token?.Id, 3, DefaultRetryTimeCycle));
    }

    /// <summary>A timer's value: ISO 8601 / cron text, or "=expr" evaluated by FEEL to a date-time, duration or text.</summary>
    private string TimerValue(Token? token, string scopeId, string expression)
    {
        if (!expression.TrimStart().StartsWith('=')) return expression.Trim();
        var value = EvaluateIn(token, scopeId, expression);
        return value switch
        {
            DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
            string text => text,
            null => throw new EngineIncidentException($"The timer expression '{expression}' evaluated to null."),
            _ => FeelJson.ToText(value)!,
        };
    }

    /// <summary>Re-arms a repeating timer after it fired (non-interrupting boundary or event subprocess start).</summary>
    private void RearmCycle(WaitState fired)
    {
        if (fired.Timer is not { } cycle || cycle.RemainingRepetitions == 0) return;
        if (_context.Timers.NextCycleDue(cycle.Cycle, cycle.LastDue) is not { } next) return;
        var id = _context.Ids.NewId();
        var remaining = cycle.RemainingRepetitions - 1;
        State.Waits.Add(fired with { Id = id, Timer = new TimerCycleState(cycle.Cycle, remaining, next) });
        Emit(new JobScheduled(id, JobKind.Timer, next, fired.ElementId, fired.TokenId, 3, DefaultRetryTimeCycle));
    }

    private void CloseWaitsOf(Token token)
    {
        foreach (var wait in State.Waits.Where(w => w.TokenId == token.Id).ToList()) CloseWait(wait);
    }

    private void CloseScopeWaits(ExecutionScope scope)
    {
        foreach (var wait in State.Waits.Where(w => w.TokenId is null && w.ScopeId == scope.Id).ToList()) CloseWait(wait);
    }

    /// <summary>Removes a wait that did not happen, telling the infrastructure to cancel its row.</summary>
    private void CloseWait(WaitState wait)
    {
        State.Waits.Remove(wait);
        Emit(wait.Kind switch
        {
            WaitKind.UserTask => new UserTaskCancelled(wait.Id, wait.ElementId, Now),
            WaitKind.ExternalTask => new ExternalTaskCancelled(wait.Id, wait.ElementId),
            WaitKind.Job => new JobCancelled(wait.Id, wait.ElementId),
            WaitKind.MessageSubscription => new SubscriptionClosed(wait.Id, SubscriptionKind.Message, wait.ElementId),
            WaitKind.SignalSubscription => new SubscriptionClosed(wait.Id, SubscriptionKind.Signal, wait.ElementId),
            _ => new ChildInstanceCancellationRequested(wait.Id, wait.ElementId),
        });
    }

    private (int Retries, string Cycle) RetriesOf(FlowNode node)
    {
        var worker = node as WorkerTask;
        var cycle = string.IsNullOrWhiteSpace(worker?.RetryTimeCycle) ? DefaultRetryTimeCycle : worker.RetryTimeCycle.Trim();
        if (int.TryParse(worker?.Retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries)) return (retries, cycle);
        var repetitions = cycle.StartsWith('R') ? cycle[1..].Split('/')[0] : "";
        return (int.TryParse(repetitions, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromCycle) ? fromCycle : 3, cycle);
    }
}
