using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Variables and FEEL. Visibility: activity locals, then the scope chain up to the process. Writes without a local
/// target go to the nearest scope that already has the variable, else to the process scope (so only input
/// mappings make subprocess locals).
/// </summary>
internal sealed partial class EngineRun
{
    public object? Evaluate(Token token, string expression) => _context.Feel.Evaluate(expression, View(token), Now);

    public bool IsTrue(Token token, string expression) => _context.Feel.EvaluateCondition(expression, View(token), Now);

    public object? EvaluateLiteralOrFeel(Token token, string? text)
    {
        if (text is null) return null;
        return text.TrimStart().StartsWith('=') ? Evaluate(token, text) : text;
    }

    private object? EvaluateIn(Token? token, string scopeId, string expression) =>
        _context.Feel.Evaluate(expression, token is null ? ScopeView(scopeId) : View(token), Now);

    private VariableView View(Token token)
    {
        var layers = new List<IReadOnlyDictionary<string, JsonElement>>(4) { token.Locals };
        AddScopeChain(layers, token.ScopeId);
        return new VariableView(layers);
    }

    private VariableView ScopeView(string scopeId)
    {
        var layers = new List<IReadOnlyDictionary<string, JsonElement>>(4);
        AddScopeChain(layers, scopeId);
        return new VariableView(layers);
    }

    private void AddScopeChain(List<IReadOnlyDictionary<string, JsonElement>> layers, string? scopeId)
    {
        while (scopeId is not null && FindScope(scopeId) is { } scope)
        {
            layers.Add(scope.Variables);
            scopeId = scope.ParentScopeId;
        }
    }

    /// <summary>Sets a variable in the nearest scope (from <paramref name="scopeId"/> up) that has it, else in the process scope.</summary>
    private void SetVariableFrom(string scopeId, string name, JsonElement value)
    {
        for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentScopeId is null ? null : FindScope(scope.ParentScopeId))
        {
            if (scope.Variables.ContainsKey(name))
            {
                scope.Variables[name] = value;
                return;
            }
        }
        GetScope(State.RootScopeId).Variables[name] = value;
    }

    private void SetVariablesFrom(string scopeId, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables) SetVariableFrom(scopeId, name, value.Clone());
    }

    /// <summary>
    /// Variables a command brings for a waiting activity (task completion, message, job result): with output
    /// mappings they are activity locals the mappings pick from; otherwise they are written to the scopes.
    /// </summary>
    private void ApplyCompletionVariables(Token token, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        if (variables is null || variables.Count == 0) return;
        var hasOutputs = Model.FindNode(token.ElementId)?.OutputParameters.Count > 0;
        foreach (var (name, value) in variables)
        {
            if (hasOutputs || token.Locals.ContainsKey(name)) token.Locals[name] = value.Clone();
            else SetVariableFrom(token.ScopeId, name, value.Clone());
        }
    }
}
