namespace Wbpm.Domain.Modeling;

/// <summary>
/// wbpm:formDefinition (docs/forms.md): the form a user task or start event shows, deployed with the model so a
/// version always renders the form it was deployed with. Attribute values are kept as written; the validator and
/// Wbpm.Domain.Forms interprets them.
/// </summary>
public sealed record FormDefinition(IReadOnlyList<FormField> Fields, IReadOnlyList<FormOutcome> Outcomes)
{
    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);
}

public enum FormFieldType { Text, Multiline, Number, Date, Boolean, Select, User }

/// <summary>One wbpm:field. <see cref="Type"/> is null when <see cref="TypeName"/> is not a known type.</summary>
public sealed record FormField
{
    public required string Key { get; init; }
    public string? Label { get; init; }

    /// <summary>The type attribute as written; absent means text.</summary>
    public string? TypeName { get; init; }

    public bool Required { get; init; }
    public bool ReadOnly { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Pattern { get; init; }

    /// <summary>A literal in the field's type, or FEEL when it starts with '='.</summary>
    public string? Default { get; init; }

    public IReadOnlyList<FormOption> Options { get; init; } = [];

    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Key : Label;

    public FormFieldType? Type => (TypeName?.Trim().ToLowerInvariant() ?? "") switch
    {
        "" or "text" => FormFieldType.Text,
        "multiline" => FormFieldType.Multiline,
        "number" => FormFieldType.Number,
        "date" => FormFieldType.Date,
        "boolean" => FormFieldType.Boolean,
        "select" => FormFieldType.Select,
        "user" => FormFieldType.User,
        _ => null,
    };

    public bool HasFeelDefault => Default is { } d && d.TrimStart().StartsWith('=');
}

/// <summary>A choice of a select field.</summary>
public sealed record FormOption(string Value, string Label);

/// <summary>
/// A wbpm:outcome button: completes with the fields plus <see cref="Variable"/> set to <see cref="Value"/>, a literal
/// whose JSON form is <see cref="FormLiterals.Outcome"/> (true/false booleans, numbers, else text).
/// </summary>
public sealed record FormOutcome(string Label, string Variable, string Value);
