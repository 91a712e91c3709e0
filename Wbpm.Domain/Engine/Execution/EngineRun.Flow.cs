using Wbpm.Domain.Engine.Behaviors;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>Token movement, joins, ends and scope completion.</summary>
internal sealed partial class EngineRun
{
    public void Complete(Token token) => Enqueue(TokenStep.Complete, token);

    public void TakeFlows(Token token, IReadOnlyList<SequenceFlow> flows)
    {
        History(token, Model.GetNode<FlowNode>(token.ElementId), HistoryEventKind.Completed);
        token.Locals.Clear();
        if (flows.Count == 0) RemoveTokenAndCompleteScope(token);
        else MoveAlong(token, flows);
    }

    public void EndToken(Token token)
    {
        History(token, Model.GetNode<FlowNode>(token.ElementId), HistoryEventKind.Completed);
        RemoveTokenAndCompleteScope(token);
    }

    /// <summary>Terminate end event (section 10.5.3): all activities of the scope end at once, then the scope ends.</summary>
    public void Terminate(Token token)
    {
        var scope = GetScope(token.ScopeId);
        CancelScopeContents(scope, except: token);
        if (scope.Id == State.RootScopeId) _terminatedScopeId = scope.Id;
        EndToken(token);
    }

    public IReadOnlyList<Token> ParkAtJoin(Token token)
    {
        token.State = TokenState.Joining;
        return State.Tokens.Where(t => t.State == TokenState.Joining && t.ScopeId == token.ScopeId && t.ElementId == token.ElementId).ToList();
    }

    public void FireJoin(Token survivor, IReadOnlyList<Token> parked, IReadOnlyList<SequenceFlow> flows)
    {
        var node = Model.GetNode<FlowNode>(survivor.ElementId);
        var continuing = parked.Contains(survivor) ? survivor : parked[^1];
        foreach (var consumed in parked.Where(t => t != continuing))
        {
            History(consumed, node, HistoryEventKind.Completed);
            State.Tokens.Remove(consumed);
        }
        TakeFlows(continuing, flows);
    }

    /// <summary>
    /// Fires one inclusive join whose parked tokens no other token of the same scope can still join (BPMN 2.0 section
    /// 13.3.5). Checked when the agenda is empty, because a token elsewhere ending or waiting changes the answer.
    /// </summary>
    private bool TryFireInclusiveJoin()
    {
        var joins = State.Tokens
            .Where(t => t.State == TokenState.Joining && Model.FindNode(t.ElementId) is InclusiveGateway)
            .GroupBy(t => (t.ScopeId, t.ElementId))
            .ToList();
        foreach (var join in joins)
        {
            var (scopeId, gatewayId) = join.Key;
            var blocked = State.Tokens.Any(t =>
                t.ScopeId == scopeId && !(t.ElementId == gatewayId && t.State == TokenState.Joining) && Definition.CanReach(t.ElementId, gatewayId));
            if (blocked) continue;
            var parked = join.ToList();
            var survivor = parked[^1];
            var gateway = Model.GetNode<InclusiveGateway>(gatewayId);
            var flows = InclusiveGatewayBehavior.ChooseFlows(this, survivor, gateway);
            if (flows is null)
            {
                _currentStep = TokenStep.Execute;
                RaiseIncident(survivor, $"No outgoing flow of inclusive gateway '{gatewayId}' has a true condition and there is no default flow.");
                return true;
            }
            FireJoin(survivor, parked, flows);
            return true;
        }
        return false;
    }

    private void RemoveTokenAndCompleteScope(Token token)
    {
        State.Tokens.Remove(token);
        CompleteScopeIfDone(token.ScopeId);
    }

    /// <summary>
    /// A scope with no tokens and no inner scopes left is done (section 13.2.2): the process ends, a subprocess
    /// completes its activity, an event subprocess lets its parent scope check again. Multi-instance scopes are
    /// finished by the multi-instance bookkeeping instead.
    /// </summary>
    private void CompleteScopeIfDone(string scopeId)
    {
        var scope = FindScope(scopeId);
        if (scope is null || scope.Kind is ScopeKind.MultiInstanceBody or ScopeKind.MultiInstanceInner) return;
        if (State.Tokens.Any(t => t.ScopeId == scopeId) || State.Scopes.Any(s => s.ParentScopeId == scopeId)) return;
        CloseScopeWaits(scope);
        if (scope.Kind != ScopeKind.Process) State.Scopes.Remove(scope); // process variables stay readable after the end
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                EndInstance(_terminatedScopeId == scope.Id ? InstanceStatus.Terminated : InstanceStatus.Completed, HistoryEventKind.Completed);
                break;
            case ScopeKind.SubProcess:
                var owner = GetToken(scope.ParentTokenId!);
                // The subprocess's locals stay visible to its output mappings, then vanish with the scope.
                foreach (var (name, value) in scope.Variables) owner.Locals[name] = value;
                Enqueue(TokenStep.Complete, owner);
                break;
            case ScopeKind.EventSubProcess:
                Emit(new HistoryEvent(scope.Id, scope.ElementId, "subProcess", Model.FindNode(scope.ElementId)?.Name, HistoryEventKind.Completed, Now, User));
                CompleteScopeIfDone(scope.ParentScopeId!);
                break;
        }
    }

    private void EndInstance(InstanceStatus status, HistoryEventKind kind, string? errorCode = null, string? errorMessage = null)
    {
        State.Status = status;
        State.EndedAt = Now;
        foreach (var wait in State.Waits.ToList()) CloseWait(wait);
        State.Tokens.Clear();
        State.Scopes.RemoveAll(s => s.Id != State.RootScopeId);
        Emit(new HistoryEvent(State.InstanceId, State.ProcessId, "process", Definition.Process.Name, kind, Now, User));
        Emit(new InstanceEnded(status, Now, errorCode, errorMessage));
    }
}
