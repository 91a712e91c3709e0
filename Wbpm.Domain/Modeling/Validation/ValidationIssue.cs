namespace Wbpm.Domain.Modeling.Validation;

public enum ValidationSeverity
{
    /// <summary>The engine cannot run the model as drawn.</summary>
    Error,

    /// <summary>Runs, but probably not as the designer intended.</summary>
    Warning,
}

/// <summary>One finding, addressed to the process designer, on the element (by id) the designer should look at.</summary>
public sealed record ValidationIssue(string ElementId, ValidationSeverity Severity, string Message);
