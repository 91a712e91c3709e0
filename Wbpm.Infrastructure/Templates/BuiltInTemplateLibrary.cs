using System.Reflection;
using System.Text.Json;

namespace Wbpm.Infrastructure.Templates;

/// <summary>
/// The templates shipped with Wbpm: pairs of embedded resources <c>Templates/Library/&lt;id&gt;.json</c> (manifest)
/// and <c>&lt;id&gt;.bpmn</c> (model with <c>{{parameter}}</c> placeholders). Read once; a singleton.
/// </summary>
public sealed class BuiltInTemplateLibrary
{
    private const string ResourcePrefix = "Wbpm.Templates.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, ProcessTemplate> _templates;

    public BuiltInTemplateLibrary() : this(typeof(BuiltInTemplateLibrary).Assembly) { }

    internal BuiltInTemplateLibrary(Assembly assembly)
    {
        _templates = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
        All = _templates.Values.OrderBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ProcessTemplate> All { get; }

    public ProcessTemplate? Find(string id) => _templates.GetValueOrDefault(id);

    private static ProcessTemplate Load(Assembly assembly, string manifestName)
    {
        var manifest = JsonSerializer.Deserialize<Manifest>(Read(assembly, manifestName), Json)
            ?? throw new InvalidOperationException($"The template manifest {manifestName} is empty.");
        var xml = Read(assembly, ResourcePrefix + manifest.Id + ".bpmn");
        return new ProcessTemplate(manifest.Id, manifest.Name, manifest.Category, manifest.Description, true,
            manifest.Parameters ?? [], manifest.Variables ?? [], xml);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded template resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Manifest(
        string Id, string Name, string Category, string Description, List<TemplateParameter>? Parameters, List<TemplateVariable>? Variables);
}
