namespace Wbpm.E2E.Support;

/// <summary>Files of the repository the journeys use as test data (the MIWG reference models live in Wbpm.Tests).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Miwg(string name) => Path.Combine(Root, "Wbpm.Tests", "Fixtures", "bpmn-miwg", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wbpm.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Wbpm.sln not found above " + AppContext.BaseDirectory);
    }
}
