using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;
using Wbpm.Tests.Domain.Modeling;

namespace Wbpm.Benchmarks.Scenarios;

/// <summary>
/// Issue #3/#5 target: validating a 1,000-node model on the server takes under 50 ms. Also reports reading the
/// same model from XML (what the designer's live validation does on every change: read + validate).
/// </summary>
public sealed class ModelValidationScenario : IBenchmarkScenario
{
    public string Name => "validation";

    public Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var model = LargeProcessModelGenerator.Generate(1_000);
        var xml = BpmnWriter.Write(model);
        var validator = new ModelValidator(new FeelSyntaxChecker(new FeelEngine()));
        var reader = new BpmnReader();

        var validate = Latencies.Measure(20, 300, () => validator.Validate(model));
        var readAndValidate = Latencies.Measure(10, 100, () => validator.Validate(reader.Read(xml)));
        IReadOnlyList<BenchmarkResult> results =
        [
            new("1,000-node model", "validate", validate.PerSecond, validate.P50, validate.P95, validate.P99, validate.Max, "< 50 ms",
                $"{model.AllNodes.Count()} nodes"),
            new("1,000-node model", "read XML + validate", readAndValidate.PerSecond, readAndValidate.P50, readAndValidate.P95,
                readAndValidate.P99, readAndValidate.Max, "", $"{xml.Length / 1024} KiB of XML"),
        ];
        return Task.FromResult(results);
    }
}
