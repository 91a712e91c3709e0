using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>FEEL evaluation at a token and the variables commands bring (scoping rules: <see cref="InstanceVariables"/>).</summary>
internal sealed partial class EngineRun
{
    public object? Evaluate(Token token, string expression) => _context.Feel.Evaluate(expression, _variables.At(token), Now);

    public bool IsTrue(Token token, string expression) => _context.Feel.EvaluateCondition(expression, _variables.At(token), Now);

    public object? EvaluateLiteralOrFeel(Token token, string? text)
    {
        if (text is null) return null;
        return text.TrimStart().StartsWith('=') ? Evaluate(token, text) : text;
    }

    private object? EvaluateIn(Token? token, string scopeId, string expression) =>
        _context.Feel.Evaluate(expression, token is null ? _variables.InScope(scopeId) : _variables.At(token), Now);

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
            else _variables.Set(token.ScopeId, name, value.Clone());
        }
    }
}
