namespace Wbpm.Domain.Modeling.Validation;

/// <summary>What a rule sees: the model, options, the expression checker, and where to report.</summary>
internal sealed class ValidationContext(ProcessModel model, ModelValidatorOptions options, IExpressionSyntaxChecker expressions)
{
    private readonly List<ValidationIssue> _issues = [];

    public ProcessModel Model { get; } = model;
    public ModelValidatorOptions Options { get; } = options;
    public IExpressionSyntaxChecker Expressions { get; } = expressions;
    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public void Error(string elementId, string message) => _issues.Add(new ValidationIssue(elementId, ValidationSeverity.Error, message));

    public void Warning(string elementId, string message) => _issues.Add(new ValidationIssue(elementId, ValidationSeverity.Warning, message));

    /// <summary>The element's name, or its id when it has none.</summary>
    public static string NameOf(FlowElement element) => string.IsNullOrWhiteSpace(element.Name) ? element.Id : element.Name;

    /// <summary>"User task 'Approve' (Task_1)": how issues name an element to a designer.</summary>
    public static string Describe(FlowElement element)
    {
        var kind = BpmnElementNames.Of(element);
        return string.IsNullOrWhiteSpace(element.Name) ? $"{kind} '{element.Id}'" : $"{kind} '{element.Name}' ({element.Id})";
    }
}

/// <summary>One focused check over the model.</summary>
internal interface IValidationRule
{
    void Check(ValidationContext context);
}
