using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Throwing BPMN errors (sections 10.5.4 and 13.5.3) to the catcher <see cref="ErrorCatchFinder"/> finds, and incidents.
/// Uncaught: a called instance ends with the error (its parent call activity gets it); otherwise an incident.
/// </summary>
internal sealed partial class EngineRun
{
    public void ThrowError(Token token, string? errorCode, string? message)
    {
        var catcher = new ErrorCatchFinder(Model, Definition.Process, State).Find(token, errorCode);
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
        var (activityToken, boundary, scope, start) = catcher;
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
            _variables.Set(scopeId, variable, FeelJson.ToJson(errorCode));
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
