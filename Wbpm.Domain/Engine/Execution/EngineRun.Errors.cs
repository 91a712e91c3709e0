using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// BPMN errors (section 10.5.4 and 13.5.3): caught by the nearest error boundary event (matching code first, then a
/// catch-all) or error event subprocess, walking out from the throwing token through its enclosing activities and
/// scopes. Uncaught: a called instance ends with the error (its parent call activity gets it); otherwise an incident.
/// </summary>
internal sealed partial class EngineRun
{
    public void ThrowError(Token token, string? errorCode, string? message)
    {
        var catcher = FindErrorCatcher(token, errorCode);
        if (catcher is null)
        {
            if (State.Parent is not null)
            {
                _currentStep = TokenStep.Execute;
                CancelScopeContents(GetScope(State.RootScopeId), except: null);
                EndInstance(InstanceStatus.Terminated, HistoryEventKind.Cancelled, errorCode ?? "", message);
                return;
            }
            RaiseIncident(token, $"Unhandled BPMN error '{errorCode}'{(message is null ? "" : $": {message}")}.");
            return;
        }
        if (Model.FindNode(token.ElementId) is EndEvent end)
        {
            History(token, end, HistoryEventKind.Completed);
            token.ActivityInstanceId = null; // completed, not cancelled, when its scope is cancelled below
        }
        var (activityToken, boundary, scope, start) = catcher.Value;
        if (boundary is not null)
        {
            var scopeId = activityToken!.ScopeId;
            CancelToken(activityToken);
            var caught = NewToken(boundary.Id, scopeId);
            SetErrorCodeVariable(scopeId, boundary, errorCode);
            Enqueue(TokenStep.Enter, caught);
        }
        else
        {
            StartEventSubProcess(scope!, start!, variables: null);
            SetErrorCodeVariable(scope!.Id, start!, errorCode);
        }
    }

    private void SetErrorCodeVariable(string scopeId, Event catching, string? errorCode)
    {
        if (catching.Definition is ErrorEventDefinition { ErrorCodeVariable: { } variable } && errorCode is not null)
            SetVariableFrom(scopeId, variable, FeelJson.ToJson(errorCode));
    }

    private (Token? ActivityToken, BoundaryEvent? Boundary, ExecutionScope? Scope, StartEvent? Start)? FindErrorCatcher(Token token, string? code)
    {
        if (!IsInnerInstance(token) && Model.FindNode(token.ElementId) is Activity activity && MatchBoundary(activity, code) is { } own)
            return (token, own, null, null);
        var scope = GetScope(token.ScopeId);
        var fromEventSubProcess = false;
        while (true)
        {
            if (!fromEventSubProcess && ContainerOf(scope) is { } container && MatchEventSubProcessStart(container, code) is { } start)
                return (null, null, scope, start);
            fromEventSubProcess = scope.Kind == ScopeKind.EventSubProcess;
            if (scope.ParentTokenId is { } ownerId)
            {
                var owner = GetToken(ownerId);
                if (!IsInnerInstance(owner) && Model.FindNode(owner.ElementId) is Activity ownerActivity &&
                    MatchBoundary(ownerActivity, code) is { } boundary)
                    return (owner, boundary, null, null);
                scope = GetScope(owner.ScopeId);
            }
            else if (scope.ParentScopeId is { } parentId)
            {
                scope = GetScope(parentId);
            }
            else
            {
                return null;
            }
        }
    }

    /// <summary>The process or subprocess whose event subprocesses listen in this scope (none for multi-instance scopes).</summary>
    private IFlowElementContainer? ContainerOf(ExecutionScope scope) => scope.Kind switch
    {
        ScopeKind.Process => Definition.Process,
        ScopeKind.SubProcess or ScopeKind.EventSubProcess => Model.FindNode(scope.ElementId) as SubProcess,
        _ => null,
    };

    private BoundaryEvent? MatchBoundary(Activity activity, string? code) =>
        BestErrorMatch(Model.BoundaryEventsOf(activity), code);

    private StartEvent? MatchEventSubProcessStart(IFlowElementContainer container, string? code) =>
        BestErrorMatch(Model.EventSubProcessesOf(container).SelectMany(Model.StartEventsOf), code);

    private static T? BestErrorMatch<T>(IEnumerable<T> events, string? code) where T : Event
    {
        var errorEvents = events.Where(e => e.Definition is ErrorEventDefinition).ToList();
        return errorEvents.FirstOrDefault(e => code is not null && ((ErrorEventDefinition)e.Definition!).ErrorCode == code)
            ?? errorEvents.FirstOrDefault(e => ((ErrorEventDefinition)e.Definition!).ErrorCode is null);
    }

    public void RaiseIncident(Token token, string message)
    {
        token.State = TokenState.Incident;
        token.IncidentStep = _currentStep;
        var incident = new Incident(_context.Ids.NewId(), token.Id, token.ElementId, message, Now);
        State.Incidents.Add(incident);
        Emit(new IncidentRaised(incident.Id, token.Id, token.ElementId, message, Now));
        if (Model.FindNode(token.ElementId) is { } node)
            Emit(new HistoryEvent(token.ActivityInstanceId ?? token.Id, node.Id, Modeling.BpmnElementNames.Of(node), node.Name, HistoryEventKind.Incident, Now, User));
    }
}
