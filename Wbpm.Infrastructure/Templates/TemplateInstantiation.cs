using Wbpm.Infrastructure.Designer;

namespace Wbpm.Infrastructure.Templates;

/// <summary>The XML of a new process made from a template: parameters bound and substituted, own process id and name.</summary>
public sealed record InstantiatedTemplate(string Key, string Name, string Xml);

/// <summary>
/// Template + parameter values -> BPMN XML of a new process. Pure: no database, no user. The process id is
/// <paramref name="key"/> (callers derive it from the name with <see cref="ProcessKeys"/> and make it unique), and
/// every reference to the template's process id (diagram plane, pools) follows.
/// </summary>
public static class TemplateInstantiation
{
    /// <exception cref="Domain.Security.ValidationException">A parameter value is missing or invalid (keyed by parameter name), or the name is empty.</exception>
    public static InstantiatedTemplate Instantiate(ProcessTemplate template, string key, string name, IReadOnlyDictionary<string, string?> input)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw Domain.Security.ValidationException.For("Name", "Give the new process a name.");
        var values = TemplateParameterBinder.Bind(template.Parameters, input);
        var xml = template.Parameters.Count == 0 ? template.Xml : TemplatePlaceholders.Substitute(template.Xml, values);
        var content = DraftContent.Parse(xml, "Template");
        var trimmed = name.Trim();
        return new InstantiatedTemplate(key, trimmed, content.WithProcess(key, trimmed));
    }

    /// <summary>Instantiates with every parameter at its default (tests, previews).</summary>
    public static InstantiatedTemplate WithDefaults(ProcessTemplate template, string? key = null, string? name = null) =>
        Instantiate(template, key ?? ProcessKeys.FromName(template.Name), name ?? template.Name, new Dictionary<string, string?>());
}
