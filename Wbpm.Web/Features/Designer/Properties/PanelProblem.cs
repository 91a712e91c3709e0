namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// A rule an editor's content breaks. <see cref="Path"/> names the input it belongs to ("fields[1].key",
/// "outcomes[0].variable", "inputs[2].expression"), so the panel shows the message next to that input.
/// </summary>
public sealed record PanelProblem(string Path, string Message);

public static class PanelProblems
{
    public static string? For(this IReadOnlyList<PanelProblem> problems, string path) =>
        problems.FirstOrDefault(p => p.Path == path)?.Message;
}
