namespace Wbpm.Web.Features.Designer.Properties;

// The wbpm extension elements as wwwroot/js/designer/wbpmExtensions.js describes and writes them (camelCase JSON).
// Empty text is null, so what the panel sends and what the canvas describes back compare equal.

/// <summary>&lt;wbpm:formDefinition&gt; (docs/forms.md).</summary>
public sealed record FormDefinitionData(IReadOnlyList<FormFieldData> Fields, IReadOnlyList<FormOutcomeData> Outcomes);

/// <summary>&lt;wbpm:field&gt;; <see cref="Options"/> only for <c>select</c>.</summary>
public sealed record FormFieldData
{
    public string Key { get; init; } = "";
    public string? Label { get; init; }
    public string Type { get; init; } = FormFieldTypes.Text;
    public bool Required { get; init; }
    public bool Readonly { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Pattern { get; init; }
    public string? Default { get; init; }
    public IReadOnlyList<FormOptionData> Options { get; init; } = [];
}

public sealed record FormOptionData(string Value, string? Label);

/// <summary>&lt;wbpm:outcome&gt;: a button that completes the task with <see cref="Variable"/> = <see cref="Value"/>.</summary>
public sealed record FormOutcomeData(string Label, string Variable, string Value);

/// <summary>One wbpm:inputParameter or wbpm:outputParameter: a variable name and the FEEL expression giving its value.</summary>
public sealed record MappingData(string Name, string Expression);

/// <summary>wbpm:inputOutput as a whole.</summary>
public sealed record InputOutputData(IReadOnlyList<MappingData> Inputs, IReadOnlyList<MappingData> Outputs);

/// <summary>One wbpm:in / wbpm:out of a call activity: variables="all", or target from source (a variable) or sourceExpression (FEEL).</summary>
public sealed record CallMappingData(string? Source, string? SourceExpression, string? Target, bool AllVariables);

/// <summary>All wbpm:in, then all wbpm:out.</summary>
public sealed record CallMappingsData(IReadOnlyList<CallMappingData> In, IReadOnlyList<CallMappingData> Out);

/// <summary>bpmn:multiInstanceLoopCharacteristics as the engine reads it (docs/engine.md, multi-instance).</summary>
public sealed record MultiInstanceData
{
    public bool IsSequential { get; init; }
    public string? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public string? Cardinality { get; init; }
    public string? CompletionCondition { get; init; }
    public string? OutputCollection { get; init; }
    public string? OutputElement { get; init; }
}

/// <summary>A root bpmn:error of the model, offered when an error event picks its code.</summary>
public sealed record KnownError(string Code, string? Name);

public static class FormFieldTypes
{
    public const string Text = "text";
    public const string Multiline = "multiline";
    public const string Number = "number";
    public const string Date = "date";
    public const string Boolean = "boolean";
    public const string Select = "select";
    public const string User = "user";

    public static readonly IReadOnlyList<string> All = [Text, Multiline, Number, Date, Boolean, Select, User];
}
