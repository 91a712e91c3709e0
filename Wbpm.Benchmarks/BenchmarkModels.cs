namespace Wbpm.Benchmarks;

/// <summary>The BPMN models of the scenarios, shipped beside the benchmark binary (Models/*.bpmn).</summary>
public static class BenchmarkModels
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", name));
}
