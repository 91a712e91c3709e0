using System.Text.Json;

namespace Wbpm.Domain.Engine;

/// <summary>
/// Variable scoping over an instance state. Visibility: a token's activity locals, then its scope, then the enclosing
/// scopes up to the process (inner names hide outer ones). A write goes to the nearest scope that already has the
/// variable, else to the process scope (Zeebe's propagation), so only input mappings create locals.
/// </summary>
internal sealed class InstanceVariables(ProcessInstanceState state)
{
    /// <summary>What FEEL sees at the token (read lazily, nothing copied).</summary>
    public VariableView At(Token token)
    {
        var layers = new List<IReadOnlyDictionary<string, JsonElement>>(4) { token.Locals };
        AddScopeChain(layers, token.ScopeId);
        return new VariableView(layers);
    }

    /// <summary>What FEEL sees in a scope without a token (event subprocess start subscriptions).</summary>
    public VariableView InScope(string scopeId)
    {
        var layers = new List<IReadOnlyDictionary<string, JsonElement>>(4);
        AddScopeChain(layers, scopeId);
        return new VariableView(layers);
    }

    /// <summary>Sets a variable in the nearest scope (from <paramref name="scopeId"/> up) that has it, else in the process scope.</summary>
    public void Set(string scopeId, string name, JsonElement value)
    {
        for (var scope = Find(scopeId); scope is not null; scope = scope.ParentScopeId is null ? null : Find(scope.ParentScopeId))
        {
            if (scope.Variables.ContainsKey(name))
            {
                scope.Variables[name] = value;
                return;
            }
        }
        Find(state.RootScopeId)!.Variables[name] = value;
    }

    public void SetAll(string scopeId, IReadOnlyDictionary<string, JsonElement>? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables) Set(scopeId, name, value.Clone());
    }

    private void AddScopeChain(List<IReadOnlyDictionary<string, JsonElement>> layers, string? scopeId)
    {
        while (scopeId is not null && Find(scopeId) is { } scope)
        {
            layers.Add(scope.Variables);
            scopeId = scope.ParentScopeId;
        }
    }

    private ExecutionScope? Find(string id) => state.Scopes.Find(s => s.Id == id);
}
