using Wbpm.Domain.Engine.Behaviors;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// One engine call: the working copy of the instance state, the agenda of token steps and the effects collected so
/// far. Lives for one <see cref="ProcessEngine.Execute"/> call and is never shared between threads. The agenda loop
/// runs token steps (enter, execute, complete, leave) until every token waits, is parked or is gone; the step
/// budget stops a runaway loop with an incident.
/// </summary>
internal sealed partial class EngineRun : IBehaviorContext
{
    private readonly Queue<(TokenStep Step, Token Token)> _agenda = new();
    private readonly List<EngineEffect> _effects = [];
    private readonly EngineContext _context;
    private readonly InstanceVariables _variables;
    private TokenStep _currentStep;
    private int _steps;
    private string? _terminatedScopeId;

    public EngineRun(ExecutableDefinition definition, ProcessInstanceState state, EngineContext context, string? user)
    {
        Definition = definition;
        State = state;
        _context = context;
        _variables = new InstanceVariables(state);
        User = user;
    }

    public ExecutableDefinition Definition { get; }
    public ProcessModel Model => Definition.Model;
    public ProcessInstanceState State { get; }
    public DateTimeOffset Now => _context.Now;
    public IReadOnlyList<EngineEffect> Effects => _effects;

    /// <summary>The user on whose behalf the command runs (recorded on history events).</summary>
    public string? User { get; }

    private void Emit(EngineEffect effect) => _effects.Add(effect);

    private void Enqueue(TokenStep step, Token token)
    {
        token.State = TokenState.Ready;
        _agenda.Enqueue((step, token));
    }

    /// <summary>Runs token steps until nothing is ready; then fires inclusive joins nothing can reach any more.</summary>
    public void RunAgenda()
    {
        do
        {
            while (_agenda.TryDequeue(out var item))
            {
                var (step, token) = item;
                if (token.State != TokenState.Ready || !State.Tokens.Contains(token)) continue; // cancelled meanwhile
                if (++_steps > _context.StepBudget)
                {
                    StopRunawayLoop(step, token);
                    return;
                }
                RunStep(step, token);
            }
        }
        while (State.Status == InstanceStatus.Active && TryFireInclusiveJoin());
    }

    private void RunStep(TokenStep step, Token token)
    {
        _currentStep = step;
        try
        {
            switch (step)
            {
                case TokenStep.Enter: EnterNode(token); break;
                case TokenStep.Execute: ExecuteNode(token); break;
                case TokenStep.Complete: CompleteNode(token, applyOutputs: true); break;
                case TokenStep.Leave: LeaveNode(token); break;
            }
        }
        catch (Exception e) when (e is FeelSyntaxException or FeelEvaluationException or EngineIncidentException)
        {
            RaiseIncident(token, e.Message);
        }
    }

    private void StopRunawayLoop(TokenStep step, Token token)
    {
        // Every token still on the agenda stops where it is, so the stored state stays resumable (ResolveIncident).
        _currentStep = step;
        RaiseIncident(token, $"The step budget of {_context.StepBudget} steps was exceeded at '{token.ElementId}': a loop without a wait state?");
        while (_agenda.TryDequeue(out var rest))
        {
            if (rest.Token.State != TokenState.Ready || !State.Tokens.Contains(rest.Token)) continue;
            _currentStep = rest.Step;
            RaiseIncident(rest.Token, $"Stopped because the step budget of {_context.StepBudget} steps was exceeded.");
        }
    }

    /// <summary>A token arrives at a node: history, then asyncBefore (a job) or execution.</summary>
    private void EnterNode(Token token)
    {
        var node = Model.GetNode<FlowNode>(token.ElementId);
        token.ActivityInstanceId = NewLocalId("a");
        History(token, node, HistoryEventKind.Started);
        if (node.AsyncBefore && !IsInnerInstance(token))
        {
            ScheduleJob(token, node, JobKind.AsyncBefore, Now, WaitPurpose.AsyncBefore);
            token.State = TokenState.Waiting;
            return;
        }
        ExecuteNode(token);
    }

    /// <summary>Input mappings, then the element's behavior (or the multi-instance body around it).</summary>
    private void ExecuteNode(Token token)
    {
        _currentStep = TokenStep.Execute; // an incident from here repeats the execution, not the entry
        var node = Model.GetNode<FlowNode>(token.ElementId);
        if (node is Activity { LoopCharacteristics: MultiInstanceLoopCharacteristics loop } activity && !IsInnerInstance(token))
        {
            StartMultiInstance(token, activity, loop);
            return;
        }
        token.Locals.Clear();
        foreach (var input in node.InputParameters)
            token.Locals[input.Name] = FeelJson.ToJson(input.Expression is null ? null : Evaluate(token, input.Expression));
        BehaviorRegistry.For(node).Execute(this, token, node);
    }

    /// <summary>The node's work is done: output mappings, boundary events closed, then asyncAfter or the outgoing flows.</summary>
    private void CompleteNode(Token token, bool applyOutputs)
    {
        var node = Model.GetNode<FlowNode>(token.ElementId);
        if (applyOutputs && node.OutputParameters.Count > 0)
        {
            var values = node.OutputParameters
                .Select(p => (p.Name, Value: FeelJson.ToJson(p.Expression is null ? null : Evaluate(token, p.Expression))))
                .ToList();
            foreach (var (name, value) in values) _variables.Set(token.ScopeId, name, value);
        }
        CloseWaitsOf(token);
        History(token, node, HistoryEventKind.Completed);
        if (IsInnerInstance(token))
        {
            CompleteInnerInstance(token);
            return;
        }
        token.Locals.Clear();
        if (node.AsyncAfter)
        {
            ScheduleJob(token, node, JobKind.AsyncAfter, Now, WaitPurpose.AsyncAfter);
            token.State = TokenState.Waiting;
            return;
        }
        LeaveNode(token);
    }

    /// <summary>
    /// Leaves an activity or event (section 13.2.1): every unconditional outgoing flow and every conditional flow whose
    /// condition is true; the default flow only when none applies; no outgoing flow at all is an implicit end.
    /// </summary>
    private void LeaveNode(Token token)
    {
        _currentStep = TokenStep.Leave;
        var node = Model.GetNode<FlowNode>(token.ElementId);
        var outgoing = Model.Outgoing(node);
        if (outgoing.Count == 0)
        {
            RemoveTokenAndCompleteScope(token);
            return;
        }
        var defaultId = (node as IHasDefaultFlow)?.DefaultFlowId;
        var taken = outgoing
            .Where(f => f.Id != defaultId && (f.ConditionExpression is null || IsTrue(token, f.ConditionExpression)))
            .ToList();
        if (taken.Count == 0 && outgoing.FirstOrDefault(f => f.Id == defaultId) is { } fallback) taken.Add(fallback);
        if (taken.Count == 0)
        {
            RaiseIncident(token, $"No outgoing flow of '{node.Id}' has a true condition and there is no default flow.");
            return;
        }
        MoveAlong(token, taken);
    }

    private void MoveAlong(Token token, IReadOnlyList<SequenceFlow> flows)
    {
        for (var i = 0; i < flows.Count; i++)
        {
            var moving = i == 0 ? token : NewToken(flows[i].TargetRef, token.ScopeId);
            moving.ElementId = flows[i].TargetRef;
            moving.ArrivedVia = flows[i].Id;
            moving.ActivityInstanceId = null;
            moving.Locals.Clear();
            Enqueue(TokenStep.Enter, moving);
        }
    }

    private string NewLocalId(string prefix) => prefix + (++State.LastLocalId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Token NewToken(string elementId, string scopeId)
    {
        var token = new Token { Id = NewLocalId("t"), ElementId = elementId, ScopeId = scopeId };
        State.Tokens.Add(token);
        return token;
    }

    private ExecutionScope NewScope(ScopeKind kind, string elementId, string? parentScopeId, string? parentTokenId)
    {
        var scope = new ExecutionScope { Id = NewLocalId("s"), Kind = kind, ElementId = elementId, ParentScopeId = parentScopeId, ParentTokenId = parentTokenId };
        State.Scopes.Add(scope);
        return scope;
    }

    private Token GetToken(string id) => State.Tokens.First(t => t.Id == id);
    private ExecutionScope GetScope(string id) => State.Scopes.First(s => s.Id == id);
    private ExecutionScope? FindScope(string id) => State.Scopes.Find(s => s.Id == id);

    /// <summary>True for the token of one inner instance of a multi-instance activity (it runs the activity itself).</summary>
    private bool IsInnerInstance(Token token) =>
        FindScope(token.ScopeId) is { Kind: ScopeKind.MultiInstanceInner } scope && scope.ElementId == token.ElementId;

    private void History(Token token, FlowNode node, HistoryEventKind kind) =>
        Emit(new HistoryEvent(token.ActivityInstanceId ?? token.Id, node.Id, BpmnElementNames.Of(node), node.Name, kind, Now, User));
}

/// <summary>A modeling or data problem found while running (e.g. a collection that is not a list): becomes an incident.</summary>
internal sealed class EngineIncidentException(string message) : Exception(message);
