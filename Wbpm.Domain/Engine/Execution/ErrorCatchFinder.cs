using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>Where a thrown BPMN error is caught: an error boundary event of an activity, or an error event subprocess of a scope.</summary>
internal sealed record ErrorCatch(Token? ActivityToken, BoundaryEvent? Boundary, ExecutionScope? Scope, StartEvent? Start);

/// <summary>
/// Finds the catcher of a BPMN error (sections 10.5.4 and 13.5.3), walking out from the throwing token: the activity's
/// own error boundaries, then the event subprocesses of each enclosing scope, then the boundaries of the activity that
/// owns the scope, and so on to the process. At each level a matching error code wins over a catch-all. Multi-instance
/// inner activities have no boundaries of their own (they belong to the body). An error thrown inside an event
/// subprocess is not caught by its own parent scope's event subprocesses, only further out.
/// </summary>
internal sealed class ErrorCatchFinder(ProcessModel model, Process process, ProcessInstanceState state)
{
    public ErrorCatch? Find(Token token, string? code)
    {
        if (!IsInnerInstance(token) && model.FindNode(token.ElementId) is Activity activity && MatchBoundary(activity, code) is { } own)
            return new ErrorCatch(token, own, null, null);
        var scope = Scope(token.ScopeId);
        var fromEventSubProcess = false;
        while (true)
        {
            if (!fromEventSubProcess && ContainerOf(scope) is { } container && MatchEventSubProcessStart(container, code) is { } start)
                return new ErrorCatch(null, null, scope, start);
            fromEventSubProcess = scope.Kind == ScopeKind.EventSubProcess;
            if (scope.ParentTokenId is { } ownerId)
            {
                var owner = state.Tokens.First(t => t.Id == ownerId);
                if (!IsInnerInstance(owner) && model.FindNode(owner.ElementId) is Activity ownerActivity &&
                    MatchBoundary(ownerActivity, code) is { } boundary)
                    return new ErrorCatch(owner, boundary, null, null);
                scope = Scope(owner.ScopeId);
            }
            else if (scope.ParentScopeId is { } parentId)
            {
                scope = Scope(parentId);
            }
            else
            {
                return null;
            }
        }
    }

    private ExecutionScope Scope(string id) => state.Scopes.First(s => s.Id == id);

    private bool IsInnerInstance(Token token) =>
        state.Scopes.Find(s => s.Id == token.ScopeId) is { Kind: ScopeKind.MultiInstanceInner } scope && scope.ElementId == token.ElementId;

    /// <summary>The process or subprocess whose event subprocesses listen in this scope (none for multi-instance scopes).</summary>
    private IFlowElementContainer? ContainerOf(ExecutionScope scope) => scope.Kind switch
    {
        ScopeKind.Process => process,
        ScopeKind.SubProcess or ScopeKind.EventSubProcess => model.FindNode(scope.ElementId) as SubProcess,
        _ => null,
    };

    private BoundaryEvent? MatchBoundary(Activity activity, string? code) => BestMatch(model.BoundaryEventsOf(activity), code);

    private StartEvent? MatchEventSubProcessStart(IFlowElementContainer container, string? code) =>
        BestMatch(model.EventSubProcessesOf(container).SelectMany(model.StartEventsOf), code);

    private static T? BestMatch<T>(IEnumerable<T> events, string? code) where T : Event
    {
        var errorEvents = events.Where(e => e.Definition is ErrorEventDefinition).ToList();
        return errorEvents.FirstOrDefault(e => code is not null && ((ErrorEventDefinition)e.Definition!).ErrorCode == code)
            ?? errorEvents.FirstOrDefault(e => ((ErrorEventDefinition)e.Definition!).ErrorCode is null);
    }
}
