using System.Text.Json;
using Wbpm.Benchmarks;
using Wbpm.Benchmarks.Scenarios;

// Usage: dotnet run -c Release --project Wbpm.Benchmarks -- [scenario ...] [--json]
// Prints a Markdown table (the one in docs/benchmarks.md) and, with --json, the same numbers as JSON.
IReadOnlyList<IBenchmarkScenario> scenarios =
[
    new ModelValidationScenario(),
    new FeelEvaluationScenario(),
    new EngineInMemoryScenario(),
    new SqliteCommitRateScenario(),
    new RuntimeScenario(),
    new InboxScenario(),
];

var json = args.Contains("--json");
var selected = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
var results = new List<BenchmarkResult>();
foreach (var scenario in scenarios.Where(s => selected.Count == 0 || selected.Contains(s.Name)))
{
    Console.Error.WriteLine($"running {scenario.Name} ...");
    results.AddRange(await scenario.RunAsync());
}

Console.WriteLine(BenchmarkTable.ToMarkdown(results, Environment.ProcessorCount));
if (json)
    Console.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
