using System.Text.Json;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>Subprocesses, event subprocesses, call activities, and thrown messages and signals.</summary>
internal sealed partial class EngineRun
{
    /// <summary>Starts the process scope at the chosen start event (section 13.4.1).</summary>
    public void StartProcess(StartEvent start, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        var root = GetScope(State.RootScopeId);
        if (variables is not null)
            foreach (var (name, value) in variables) root.Variables[name] = value.Clone();
        Emit(new HistoryEvent(State.InstanceId, State.ProcessId, "process", Definition.Process.Name, HistoryEventKind.Started, Now, User));
        OpenEventSubProcessStarts(root, Definition.Process);
        Enqueue(TokenStep.Enter, NewToken(start.Id, root.Id));
    }

    public void StartSubProcess(Token token, SubProcess subProcess)
    {
        var start = Model.StartEventsOf(subProcess).FirstOrDefault(s => s.Trigger == EventTrigger.None)
            ?? throw new EngineIncidentException($"Subprocess '{subProcess.Id}' has no none start event.");
        var scope = NewScope(ScopeKind.SubProcess, subProcess.Id, token.ScopeId, token.Id);
        foreach (var (name, value) in token.Locals) scope.Variables[name] = value; // input mappings are subprocess locals
        token.Locals.Clear();
        Wait(token);
        OpenEventSubProcessStarts(scope, subProcess);
        Enqueue(TokenStep.Enter, NewToken(start.Id, scope.Id));
    }

    /// <summary>While a scope is active its event subprocesses listen (section 10.3.5): timers, messages, signals.</summary>
    private void OpenEventSubProcessStarts(ExecutionScope scope, IFlowElementContainer container)
    {
        foreach (var eventSubProcess in Model.EventSubProcessesOf(container))
            foreach (var start in Model.StartEventsOf(eventSubProcess))
                if (start.Definition is TimerEventDefinition or MessageEventDefinition or SignalEventDefinition)
                    OpenEventWait(null, scope.Id, start, start.Definition, WaitPurpose.EventSubProcessStart);
    }

    /// <summary>
    /// An event subprocess starts in <paramref name="parent"/>. Interrupting: everything else in the scope is
    /// cancelled first (including its other event subprocess subscriptions). Non-interrupting: runs alongside.
    /// </summary>
    private void StartEventSubProcess(ExecutionScope parent, StartEvent start, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        var eventSubProcess = (SubProcess)Model.ScopeOf(start);
        if (start.IsInterrupting) CancelScopeContents(parent, except: null);
        var scope = NewScope(ScopeKind.EventSubProcess, eventSubProcess.Id, parent.Id, null);
        Emit(new HistoryEvent(scope.Id, eventSubProcess.Id, "subProcess", eventSubProcess.Name, HistoryEventKind.Started, Now, User));
        _variables.SetAll(parent.Id, variables);
        OpenEventSubProcessStarts(scope, eventSubProcess);
        Enqueue(TokenStep.Enter, NewToken(start.Id, scope.Id));
    }

    public void RequestChildInstance(Token token, CallActivity activity)
    {
        var called = FeelJson.ToText(EvaluateLiteralOrFeel(token, activity.CalledElement));
        if (string.IsNullOrWhiteSpace(called))
            throw new EngineIncidentException($"Call activity '{activity.Id}' has no called element.");
        var view = _variables.At(token);
        var input = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var mapping in activity.InMappings)
        {
            if (mapping.AllVariables)
                foreach (var (name, value) in view.Flatten()) input[name] = value;
            else if (mapping.Target is { } target)
                input[target] = MappedValue(token, view, mapping);
        }
        var callId = _context.Ids.NewId();
        State.Waits.Add(new WaitState(callId, WaitKind.ChildInstance, WaitPurpose.Activity, activity.Id, token.Id, token.ScopeId));
        Emit(new ChildInstanceRequested(callId, called, "latest", input, token.Id, activity.Id, State.BusinessKey));
    }

    /// <summary>Out mappings of a call activity, read from the child's variables.</summary>
    private Dictionary<string, JsonElement> ChildOutput(Token token, CallActivity activity, IReadOnlyDictionary<string, JsonElement> childVariables)
    {
        var view = new VariableView([childVariables]);
        var output = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var mapping in activity.OutMappings)
        {
            if (mapping.AllVariables)
                foreach (var (name, value) in childVariables) output[name] = value;
            else if (mapping.Target is { } target)
                output[target] = mapping.SourceExpression is { } expression
                    ? FeelJson.ToJson(_context.Feel.Evaluate(expression, view, Now))
                    : view.TryGetJson(mapping.Source ?? target, out var value) ? value : FeelJson.Null;
        }
        return output;
    }

    private JsonElement MappedValue(Token token, VariableView view, VariableMapping mapping) =>
        mapping.SourceExpression is { } expression
            ? FeelJson.ToJson(Evaluate(token, expression))
            : view.TryGetJson(mapping.Source ?? mapping.Target!, out var value) ? value : FeelJson.Null;

    public void PublishMessage(Token token, FlowNode element, string messageName, string? correlationKeyExpression)
    {
        var key = correlationKeyExpression is null ? null : FeelJson.ToText(Evaluate(token, correlationKeyExpression));
        Emit(new MessagePublished(messageName, key, new Dictionary<string, JsonElement>(token.Locals, StringComparer.Ordinal), element.Id));
    }

    public void BroadcastSignal(Token token, FlowNode element, string signalName) =>
        Emit(new SignalBroadcast(signalName, new Dictionary<string, JsonElement>(token.Locals, StringComparer.Ordinal), element.Id));
}
