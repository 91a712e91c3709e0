namespace Wbpm.Domain.Definitions;

/// <summary>
/// Why (part of) a deployment was refused or what it warns about: a validation issue on an element, or a parse error
/// at a line and column of one uploaded file. Severity is "error" or "warning".
/// </summary>
public sealed record DeploymentProblem(string Resource, string? ElementId, string Severity, string Message, int? Line = null, int? Column = null)
{
    public const string Error = "error";
    public const string Warning = "warning";
}

/// <summary>The deployment was refused as a whole; nothing was stored. <see cref="Problems"/> lists every reason.</summary>
public sealed class DeploymentRejectedException(string title, IReadOnlyList<DeploymentProblem> problems)
    : Exception(title + " " + string.Join(" ", problems.Where(p => p.Severity == DeploymentProblem.Error).Take(5).Select(p => p.Message)))
{
    public string Title { get; } = title;
    public IReadOnlyList<DeploymentProblem> Problems { get; } = problems;
}
