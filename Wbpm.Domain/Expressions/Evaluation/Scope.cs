namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// Immutable chain of name bindings: innermost first (iteration variables, `item` and the entries of a
/// filtered context element, `?`, earlier entries of a context literal), then the caller's variables.
/// </summary>
internal sealed class Scope
{
    private readonly Scope? _parent;
    private readonly string? _name;
    private readonly object? _value;
    private readonly IReadOnlyDictionary<string, object?>? _entries;

    private Scope(Scope? parent, string? name, object? value, IReadOnlyDictionary<string, object?>? entries)
    {
        _parent = parent;
        _name = name;
        _value = value;
        _entries = entries;
    }

    /// <summary>The root scope; host values are converted to FEEL values when read.</summary>
    public static Scope ForVariables(IReadOnlyDictionary<string, object?> variables) =>
        new(null, null, null, new Values.HostContext(variables));

    public Scope With(string name, object? value) => new(this, name, value, null);

    public Scope WithEntries(IReadOnlyDictionary<string, object?> entries) => new(this, null, null, entries);

    public bool TryLookup(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._entries is not null)
            {
                if (scope._entries.TryGetValue(name, out value))
                {
                    return true;
                }
            }
            else if (scope._name == name)
            {
                value = scope._value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
