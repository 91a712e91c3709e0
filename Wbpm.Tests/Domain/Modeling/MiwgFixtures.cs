namespace Wbpm.Tests.Domain.Modeling;

/// <summary>The 21 BPMN Model Interchange Working Group reference models (Fixtures/bpmn-miwg, see NOTICE.md).</summary>
public static class MiwgFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bpmn-miwg");

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.GetFiles(Folder, "*.bpmn").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(file));
            return data;
        }
    }

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
