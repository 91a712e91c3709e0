using Wbpm.Domain.Modeling.Validation.Rules;

namespace Wbpm.Domain.Modeling.Validation;

/// <summary>
/// Finds what would stop a model from running, or make it run differently than drawn, as designer-readable issues
/// per element. Stateless and thread-safe: build one and reuse it. Linear in the size of the model.
/// </summary>
public sealed class ModelValidator(IExpressionSyntaxChecker expressions, ModelValidatorOptions? options = null)
{
    private static readonly IValidationRule[] Rules =
    [
        new StartEventRule(),
        new ReachabilityRule(),
        new GatewayRule(),
        new ExpressionRule(),
        new TimerRule(),
        new EventReferenceRule(),
        new ActivityConfigurationRule(),
        new FormRule(),
        new NotExecutableRule(),
    ];

    private readonly ModelValidatorOptions _options = options ?? ModelValidatorOptions.Default;

    public IReadOnlyList<ValidationIssue> Validate(ProcessModel model)
    {
        var context = new ValidationContext(model, _options, expressions);
        foreach (var rule in Rules)
            rule.Check(context);
        return context.Issues;
    }
}
