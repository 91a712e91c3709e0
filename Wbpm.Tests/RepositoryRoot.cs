namespace Wbpm.Tests;

/// <summary>Finds the repository root (the folder holding Wbpm.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Wbpm.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Wbpm.sln not found above " + AppContext.BaseDirectory);
    }
}
