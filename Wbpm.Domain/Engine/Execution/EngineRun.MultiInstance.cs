using System.Globalization;
using System.Text.Json;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Multi-instance activities (section 10.3.8). The token at the activity is the body: it owns a body scope
/// (nrOfInstances, nrOfActiveInstances, nrOfCompletedInstances) and one inner scope per instance (loopCounter, the
/// element variable) holding an inner token that runs the activity itself. Parallel starts all instances; sequential
/// starts the next when one completes. The completion condition is checked after every instance.
/// </summary>
internal sealed partial class EngineRun
{
    private void StartMultiInstance(Token token, Activity activity, MultiInstanceLoopCharacteristics loop)
    {
        var items = LoopItems(token, activity, loop);
        var body = NewScope(ScopeKind.MultiInstanceBody, activity.Id, token.ScopeId, token.Id);
        body.MultiInstance = new MultiInstanceState { Items = items };
        SetCounters(body, active: 0);
        Wait(token);
        if (items.Count == 0)
        {
            FinishMultiInstance(token, body, loop);
            return;
        }
        var first = loop.IsSequential ? 1 : items.Count;
        for (var i = 0; i < first; i++) StartInnerInstance(body, activity, loop);
    }

    private List<JsonElement> LoopItems(Token token, Activity activity, MultiInstanceLoopCharacteristics loop)
    {
        if (!string.IsNullOrWhiteSpace(loop.LoopCardinality) && string.IsNullOrWhiteSpace(loop.Collection))
        {
            var cardinality = Evaluate(token, loop.LoopCardinality) switch
            {
                decimal d when d >= 0 && d == decimal.Truncate(d) => (int)d,
                string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 => n,
                var other => throw new EngineIncidentException(
                    $"The loop cardinality of '{activity.Id}' is '{FeelJson.ToText(other)}', not a whole number of instances."),
            };
            return Enumerable.Repeat(FeelJson.Null, cardinality).ToList();
        }
        var expression = loop.Collection ?? loop.LoopDataInputRef
            ?? throw new EngineIncidentException($"Multi-instance '{activity.Id}' has neither a collection nor a cardinality.");
        var collection = FeelJson.ToJson(Evaluate(token, expression));
        if (collection.ValueKind != JsonValueKind.Array)
            throw new EngineIncidentException($"The collection '{expression}' of '{activity.Id}' is not a list.");
        return collection.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private void StartInnerInstance(ExecutionScope body, Activity activity, MultiInstanceLoopCharacteristics loop)
    {
        var state = body.MultiInstance!;
        var index = state.NextIndex++;
        var inner = NewScope(ScopeKind.MultiInstanceInner, activity.Id, body.Id, null);
        inner.LoopIndex = index;
        inner.Variables["loopCounter"] = FeelJson.ToJson(index);
        if ((loop.ElementVariable ?? loop.InputDataItemName) is { } elementVariable)
            inner.Variables[elementVariable] = state.Items[index];
        SetCounters(body, active: ActiveInstances(body) + 1);
        var token = NewToken(activity.Id, inner.Id);
        token.ActivityInstanceId = NewLocalId("a");
        History(token, activity, HistoryEventKind.Started);
        Enqueue(TokenStep.Execute, token);
    }

    /// <summary>An inner instance completed (its output mappings are applied): collect, check completion, go on.</summary>
    private void CompleteInnerInstance(Token innerToken)
    {
        var inner = GetScope(innerToken.ScopeId);
        var body = GetScope(inner.ParentScopeId!);
        var bodyToken = GetToken(body.ParentTokenId!);
        var activity = Model.GetNode<Activity>(body.ElementId);
        var loop = (MultiInstanceLoopCharacteristics)activity.LoopCharacteristics!;
        var state = body.MultiInstance!;
        var view = _variables.At(innerToken);
        if (loop.OutputDataItemName is { } outputItem)
            state.Outputs[inner.LoopIndex!.Value] = view.TryGetJson(outputItem, out var value) ? value : FeelJson.Null;
        state.Completed++;
        SetCounters(body, active: ActiveInstances(body) - 1);
        var done = loop.CompletionCondition is { } condition && _context.Feel.EvaluateCondition(condition, _variables.At(innerToken), Now);
        State.Tokens.Remove(innerToken);
        State.Scopes.Remove(inner);
        if (done)
        {
            foreach (var other in State.Scopes.Where(s => s.ParentScopeId == body.Id).ToList()) CancelScope(other);
            FinishMultiInstance(bodyToken, body, loop);
        }
        else if (state.NextIndex < state.Items.Count && loop.IsSequential)
        {
            StartInnerInstance(body, activity, loop);
        }
        else if (state.Completed >= state.Items.Count)
        {
            FinishMultiInstance(bodyToken, body, loop);
        }
    }

    private void FinishMultiInstance(Token bodyToken, ExecutionScope body, MultiInstanceLoopCharacteristics loop)
    {
        var state = body.MultiInstance!;
        State.Scopes.Remove(body);
        if (loop.LoopDataOutputRef is { } outputCollection)
        {
            var list = Enumerable.Range(0, state.Items.Count)
                .Select(i => state.Outputs.TryGetValue(i, out var v) ? (object?)v : null).ToList();
            _variables.Set(bodyToken.ScopeId, outputCollection, FeelJson.ToJson(list));
        }
        // Output mappings already ran per inner instance; the body only closes its boundary events and leaves.
        bodyToken.State = TokenState.Ready;
        _currentStep = TokenStep.Complete;
        CompleteNode(bodyToken, applyOutputs: false);
    }

    private int ActiveInstances(ExecutionScope body) =>
        body.Variables.TryGetValue("nrOfActiveInstances", out var v) ? v.GetInt32() : 0;

    private static void SetCounters(ExecutionScope body, int active)
    {
        body.Variables["nrOfInstances"] = FeelJson.ToJson(body.MultiInstance!.Items.Count);
        body.Variables["nrOfActiveInstances"] = FeelJson.ToJson(active);
        body.Variables["nrOfCompletedInstances"] = FeelJson.ToJson(body.MultiInstance.Completed);
    }
}
