using System.Xml.Linq;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;

namespace Wbpm.Infrastructure.Designer;

/// <summary>
/// A draft's XML after <see cref="BpmnReader"/> accepted it (hostile-safe: no DTDs, size and depth caps), with the
/// process id and name the draft is listed by. Malformed input becomes a <see cref="ValidationException"/> naming
/// line and column, so the designer sees where the file is broken.
/// </summary>
internal sealed class DraftContent
{
    private const int ErrorsShown = 5;
    private readonly Process _process;

    private DraftContent(ProcessModel model, Process process)
    {
        Model = model;
        _process = process;
    }

    public ProcessModel Model { get; }
    public string Key => _process.Id;
    public string Name => string.IsNullOrWhiteSpace(_process.Name) ? _process.Id : _process.Name.Trim();

    public static DraftContent Parse(string? xml, string field)
    {
        if (string.IsNullOrWhiteSpace(xml))
            throw ValidationException.For(field, "The BPMN document is empty.");
        ProcessModel model;
        try
        {
            model = BpmnReader.ReadString(xml);
        }
        catch (BpmnParseException e)
        {
            var shown = e.Errors.Take(ErrorsShown).Select(error => error.ToString());
            var more = e.Errors.Count > ErrorsShown ? $" (and {e.Errors.Count - ErrorsShown} more)" : "";
            throw ValidationException.For(field, "This is not a BPMN 2.0 model Wbpm can open: " + string.Join("; ", shown) + more);
        }

        // The executable process is the one a deployment runs; a collaboration of descriptive pools falls back to the first.
        var process = model.Processes.FirstOrDefault(p => p.IsExecutable) ?? model.Processes.FirstOrDefault()
            ?? throw ValidationException.For(field, "The BPMN document contains no <process>; Wbpm drafts need one.");
        return new DraftContent(model, process);
    }

    /// <summary>
    /// The XML with the process id changed to <paramref name="newKey"/> and every reference to it (pool, diagram
    /// plane) following, and the name changed to <paramref name="newName"/>. For copies, which need their own key.
    /// </summary>
    public string WithProcess(string newKey, string newName)
    {
        var element = _process.Source ?? throw new InvalidOperationException("The reader keeps the source element of every process.");
        var oldKey = _process.Id;
        var document = element.Document!;
        foreach (var attribute in document.Descendants().Attributes()
                     .Where(a => a.Name.LocalName is "processRef" or "bpmnElement" && a.Value == oldKey).ToList())
            attribute.Value = newKey;
        element.SetAttributeValue("id", newKey);
        element.SetAttributeValue("name", newName);
        return document.Declaration is null ? document.ToString() : document.Declaration + Environment.NewLine + document;
    }
}
