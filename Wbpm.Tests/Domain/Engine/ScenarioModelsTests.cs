using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>Every scenario model is one deployment validation accepts: the engine is only tested on deployable models.</summary>
public sealed class ScenarioModelsTests
{
    public static TheoryData<string> Scenarios() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Domain", "Engine", "Scenarios"), "*.bpmn").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void TheScenarioModelHasNoValidationErrors(string scenario)
    {
        var model = BpmnReader.ReadString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Domain", "Engine", "Scenarios", scenario + ".bpmn")));
        var validator = new ModelValidator(new FeelSyntaxChecker(new FeelEngine()), new ModelValidatorOptions { ScriptTasksEnabled = true });

        var errors = validator.Validate(model).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
