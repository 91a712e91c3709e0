using System.Text;
using Microsoft.Extensions.Options;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Modeling.Validation;
using Wbpm.Domain.Security;

namespace Wbpm.Infrastructure.Definitions;

/// <summary>One uploaded file that passed: its text, its parsed model and the executable processes it deploys.</summary>
public sealed record ParsedResource(string Name, string Xml, ProcessModel Model, IReadOnlyList<Process> ExecutableProcesses);

public sealed record ParsedDeployment(IReadOnlyList<ParsedResource> Resources, IReadOnlyList<DeploymentProblem> Warnings);

/// <summary>
/// Turns uploaded files into validated models, or refuses all of them: size cap before parsing, strict UTF-8,
/// the hostile-safe <see cref="BpmnReader"/>, then <see cref="ModelValidator"/>. Issues inside processes that are not
/// executable are dropped: such pools only document a partner and are never run. Pure: no database, no clock.
/// </summary>
public sealed class DeploymentResourceReader(ModelValidator validator, IOptions<DeploymentOptions> options)
{
    private static readonly string[] Extensions = [".bpmn", ".bpmn20.xml", ".xml"];
    private readonly DeploymentOptions _options = options.Value;

    public ParsedDeployment Read(IReadOnlyList<DeploymentFile> files)
    {
        if (files.Count == 0)
            throw ValidationException.For("files", "Upload at least one .bpmn file.");
        if (files.Count > _options.MaxFiles)
            throw ValidationException.For("files", $"A deployment has at most {_options.MaxFiles} files.");

        var unreadable = new List<DeploymentProblem>();
        var issues = new List<DeploymentProblem>();
        var resources = new List<ParsedResource>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Name.Replace('\\', '/'));
            if (ReadText(name, file.Content, unreadable) is not { } xml)
                continue;
            ProcessModel model;
            try
            {
                model = new BpmnReader().Read(xml);
            }
            catch (BpmnParseException e)
            {
                unreadable.AddRange(e.Errors.Select(error => new DeploymentProblem(name, error.ElementId, DeploymentProblem.Error,
                    error.Message, error.Line > 0 ? error.Line : null, error.Line > 0 ? error.Column : null)));
                continue;
            }
            issues.AddRange(IssuesOfExecutableProcesses(model).Select(i => new DeploymentProblem(name, i.ElementId,
                i.Severity == ValidationSeverity.Error ? DeploymentProblem.Error : DeploymentProblem.Warning, i.Message)));
            var executable = model.Processes.Where(p => p.IsExecutable).ToList();
            if (executable.Count == 0)
                issues.Add(new DeploymentProblem(name, null, DeploymentProblem.Error,
                    "The file has no executable process (isExecutable=\"true\"), so there is nothing to deploy."));
            foreach (var process in executable.Where(p => p.Id.Length > ProcessDefinition.MaxKeyLength))
                issues.Add(new DeploymentProblem(name, process.Id, DeploymentProblem.Error,
                    $"A process id has at most {ProcessDefinition.MaxKeyLength} characters."));
            resources.Add(new ParsedResource(name, xml, model, executable));
        }
        issues.AddRange(DuplicateKeys(resources));

        if (unreadable.Count > 0)
            throw new DeploymentRejectedException("The BPMN file cannot be read.", [.. unreadable, .. issues]);
        if (issues.Any(i => i.Severity == DeploymentProblem.Error))
            throw new DeploymentRejectedException("The BPMN model is not valid.", issues);
        return new ParsedDeployment(resources, issues);
    }

    private string? ReadText(string name, Stream content, List<DeploymentProblem> problems)
    {
        if (!Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new DeploymentProblem(name, null, DeploymentProblem.Error, "Only .bpmn files can be deployed."));
            return null;
        }
        // Read at most one byte more than the cap: a huge upload is refused without being buffered whole.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxFileBytes)
            {
                problems.Add(new DeploymentProblem(name, null, DeploymentProblem.Error,
                    $"The file is larger than the limit of {_options.MaxFileBytes:N0} bytes."));
                return null;
            }
        }
        buffer.Position = 0;
        try
        {
            // UTF-8 unless a byte order mark says UTF-16/32; invalid bytes are an error, not silent replacement characters.
            using var reader = new StreamReader(buffer, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new DeploymentProblem(name, null, DeploymentProblem.Error, "The file is not UTF-8 encoded text."));
            return null;
        }
    }

    private IEnumerable<ValidationIssue> IssuesOfExecutableProcesses(ProcessModel model) =>
        validator.Validate(model).Where(issue => IsInExecutableProcess(model, issue));

    private static bool IsInExecutableProcess(ProcessModel model, ValidationIssue issue)
    {
        // On a process itself: everything if it runs; for a documentation-only pool just the "not executable" warning.
        if (model.FindProcess(issue.ElementId) is { } process)
            return process.IsExecutable || issue.Severity == ValidationSeverity.Warning;
        var node = model.FindNode(issue.ElementId)
            ?? (model.FindFlow(issue.ElementId) is { } flow ? model.FindNode(flow.SourceRef) : null);
        return node is null || model.ProcessOf(node).IsExecutable;
    }

    private static IEnumerable<DeploymentProblem> DuplicateKeys(IReadOnlyList<ParsedResource> resources) =>
        resources.SelectMany(r => r.ExecutableProcesses.Select(p => (Resource: r.Name, p.Id)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DeploymentProblem(g.First().Resource, g.Key, DeploymentProblem.Error,
                $"The process id '{g.Key}' appears more than once in this deployment ({string.Join(", ", g.Select(x => x.Resource))}); " +
                "each process can be deployed once per deployment."));
}
