using System.Text.Json;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Runtime;

namespace Wbpm.Domain.Engine;

/// <summary>Applies a command to a running instance: finds the wait it names and resumes the token behind it.</summary>
internal sealed partial class EngineRun
{
    public void Apply(EngineCommand command)
    {
        switch (command)
        {
            case CompleteUserTask c:
                {
                    var (wait, token) = TakeWait(c.TaskId, WaitKind.UserTask, "user task");
                    Emit(new UserTaskCompleted(wait.Id, wait.ElementId, c.User, Now));
                    ApplyCompletionVariables(token, c.Variables);
                    Enqueue(TokenStep.Complete, token);
                    break;
                }
            case CompleteExternalTask c:
                {
                    var (wait, token) = TakeWait(c.ExternalTaskId, WaitKind.ExternalTask, "external task");
                    Emit(new ExternalTaskCompleted(wait.Id, wait.ElementId));
                    ApplyCompletionVariables(token, c.Variables);
                    Enqueue(TokenStep.Complete, token);
                    break;
                }
            case ExternalTaskBpmnError c:
                {
                    var (wait, token) = TakeWait(c.ExternalTaskId, WaitKind.ExternalTask, "external task");
                    Emit(new ExternalTaskCompleted(wait.Id, wait.ElementId));
                    ApplyCompletionVariables(token, c.Variables);
                    _currentStep = TokenStep.Execute;
                    ThrowError(token, c.ErrorCode, c.Message);
                    break;
                }
            case RunJob c:
                RunJob(c);
                break;
            case CorrelateMessage c:
                EventHappened(FindWait(c.SubscriptionId, WaitKind.MessageSubscription, "message subscription"), c.Variables);
                break;
            case TriggerSignal c:
                EventHappened(FindWait(c.SubscriptionId, WaitKind.SignalSubscription, "signal subscription"), c.Variables);
                break;
            case SetVariables c:
                {
                    var scope = FindScope(c.ScopeId ?? State.RootScopeId)
                        ?? throw new CommandRejectedException($"The instance has no scope '{c.ScopeId}'.");
                    foreach (var (name, value) in c.Variables) scope.Variables[name] = value.Clone();
                    break;
                }
            case ChildInstanceEnded c:
                {
                    var (wait, token) = TakeWait(c.CallId, WaitKind.ChildInstance, "call");
                    if (c.ErrorCode is not null)
                    {
                        _currentStep = TokenStep.Execute; // resolving an uncaught child error calls the child again
                        ThrowError(token, c.ErrorCode, c.ErrorMessage);
                        break;
                    }
                    _currentStep = TokenStep.Complete;
                    var activity = Model.GetNode<CallActivity>(wait.ElementId);
                    ApplyCompletionVariables(token, ChildOutput(token, activity, c.Variables ?? new Dictionary<string, JsonElement>()));
                    Enqueue(TokenStep.Complete, token);
                    break;
                }
            case CancelInstance:
                CancelScopeContents(GetScope(State.RootScopeId), except: null);
                EndInstance(InstanceStatus.Cancelled, HistoryEventKind.Cancelled);
                break;
            case ResolveIncident c:
                {
                    var incident = State.Incidents.Find(i => i.Id == c.IncidentId)
                        ?? throw new CommandRejectedException($"The instance has no open incident '{c.IncidentId}'.");
                    State.Incidents.Remove(incident);
                    Emit(new IncidentResolved(incident.Id));
                    var token = GetToken(incident.TokenId);
                    Enqueue(token.IncidentStep ?? TokenStep.Execute, token);
                    token.IncidentStep = null;
                    break;
                }
            default:
                throw new ArgumentException($"{command.GetType().Name} is not a command for a running instance.", nameof(command));
        }
    }

    private void RunJob(RunJob command)
    {
        var wait = FindWait(command.JobId, WaitKind.Job, "job");
        var token = wait.TokenId is null ? null : GetToken(wait.TokenId);
        switch (wait.Purpose)
        {
            case WaitPurpose.AsyncBefore:
                Consume(wait);
                Enqueue(TokenStep.Execute, token!);
                break;
            case WaitPurpose.AsyncAfter:
                Consume(wait);
                Enqueue(TokenStep.Leave, token!);
                break;
            default:
                EventHappened(wait, command.Variables);
                break;
        }
    }

    /// <summary>A timer fired, a message was correlated or a signal arrived (or a script job returned its result).</summary>
    private void EventHappened(WaitState wait, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        var token = wait.TokenId is null ? null : GetToken(wait.TokenId);
        switch (wait.Purpose)
        {
            case WaitPurpose.Activity:
                Consume(wait);
                ApplyCompletionVariables(token!, variables);
                Enqueue(TokenStep.Complete, token!);
                break;
            case WaitPurpose.EventGatewayBranch:
                {
                    Consume(wait);
                    var gateway = Model.GetNode<FlowNode>(token!.ElementId);
                    CloseWaitsOf(token); // the first event wins; the others are cancelled (section 13.3.4)
                    var flow = Model.Outgoing(gateway).First(f => f.TargetRef == wait.ElementId);
                    History(token, gateway, HistoryEventKind.Completed);
                    token.ElementId = flow.TargetRef;
                    token.ArrivedVia = flow.Id;
                    token.ActivityInstanceId = NewLocalId("a");
                    History(token, Model.GetNode<FlowNode>(flow.TargetRef), HistoryEventKind.Started);
                    ApplyCompletionVariables(token, variables);
                    Enqueue(TokenStep.Complete, token);
                    break;
                }
            case WaitPurpose.Boundary:
                {
                    var boundary = Model.GetNode<BoundaryEvent>(wait.ElementId);
                    var scopeId = token!.ScopeId;
                    if (boundary.CancelActivity)
                    {
                        Consume(wait);
                        CancelToken(token);
                    }
                    else
                    {
                        KeepOrRearm(wait);
                    }
                    _variables.SetAll(scopeId, variables);
                    Enqueue(TokenStep.Enter, NewToken(boundary.Id, scopeId));
                    break;
                }
            case WaitPurpose.EventSubProcessStart:
                {
                    var start = Model.GetNode<StartEvent>(wait.ElementId);
                    if (start.IsInterrupting) Consume(wait);
                    else KeepOrRearm(wait);
                    StartEventSubProcess(GetScope(wait.ScopeId), start, variables);
                    break;
                }
            default:
                throw new CommandRejectedException($"'{wait.Id}' cannot be triggered this way.");
        }
    }

    /// <summary>Non-interrupting events can happen again: message and signal subscriptions stay, timer cycles re-arm.</summary>
    private void KeepOrRearm(WaitState wait)
    {
        if (wait.Kind != WaitKind.Job) return;
        Consume(wait);
        RearmCycle(wait);
    }

    /// <summary>Removes a wait that happened (its row is done, not cancelled).</summary>
    private void Consume(WaitState wait)
    {
        State.Waits.Remove(wait);
        Emit(wait.Kind switch
        {
            WaitKind.Job => new JobCompleted(wait.Id),
            WaitKind.MessageSubscription => new SubscriptionClosed(wait.Id, SubscriptionKind.Message, wait.ElementId),
            WaitKind.SignalSubscription => new SubscriptionClosed(wait.Id, SubscriptionKind.Signal, wait.ElementId),
            _ => throw new InvalidOperationException($"A {wait.Kind} is consumed by its own command."),
        });
    }

    private WaitState FindWait(string id, WaitKind kind, string what) =>
        State.Waits.Find(w => w.Id == id && w.Kind == kind)
        ?? throw new CommandRejectedException($"The instance has no open {what} '{id}' (already done or cancelled).");

    /// <summary>Removes the task or call wait the command completes and returns its token.</summary>
    private (WaitState Wait, Token Token) TakeWait(string id, WaitKind kind, string what)
    {
        var wait = FindWait(id, kind, what);
        State.Waits.Remove(wait);
        return (wait, GetToken(wait.TokenId!));
    }
}
