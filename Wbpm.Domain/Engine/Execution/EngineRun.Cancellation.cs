namespace Wbpm.Domain.Engine;

/// <summary>Cancelling tokens and scopes with everything they wait for (tasks, jobs, subscriptions, child instances).</summary>
internal sealed partial class EngineRun
{
    private void CancelToken(Token token)
    {
        foreach (var inner in State.Scopes.Where(s => s.ParentTokenId == token.Id).ToList()) CancelScope(inner);
        CloseWaitsOf(token);
        foreach (var incident in State.Incidents.Where(i => i.TokenId == token.Id).ToList())
        {
            State.Incidents.Remove(incident);
            Emit(new IncidentResolved(incident.Id));
        }
        if (token.ActivityInstanceId is not null && Model.FindNode(token.ElementId) is { } node)
            History(token, node, HistoryEventKind.Cancelled);
        State.Tokens.Remove(token);
    }

    private void CancelScope(ExecutionScope scope)
    {
        CancelScopeContents(scope, except: null);
        if (scope.Kind == ScopeKind.EventSubProcess)
            Emit(new HistoryEvent(scope.Id, scope.ElementId, "subProcess", Model.FindNode(scope.ElementId)?.Name, HistoryEventKind.Cancelled, Now, User));
        State.Scopes.Remove(scope);
    }

    /// <summary>Cancels every token and inner scope of the scope (but keeps the scope itself).</summary>
    private void CancelScopeContents(ExecutionScope scope, Token? except)
    {
        foreach (var token in State.Tokens.Where(t => t.ScopeId == scope.Id && t != except).ToList())
            if (State.Tokens.Contains(token)) CancelToken(token);
        foreach (var inner in State.Scopes.Where(s => s.ParentScopeId == scope.Id && s.ParentTokenId is null).ToList())
            if (State.Scopes.Contains(inner)) CancelScope(inner);
        CloseScopeWaits(scope);
    }
}
