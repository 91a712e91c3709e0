using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>Reads wbpm:formDefinition from an element's extensionElements (docs/forms.md); the XML stays retained.</summary>
internal static class FormDefinitionReader
{
    private static readonly XNamespace Wbpm = BpmnNamespaces.Wbpm;

    public static FormDefinition? Read(XElement? extensionElements)
    {
        var form = extensionElements?.Element(Wbpm + "formDefinition");
        if (form is null) return null;
        var fields = form.Elements(Wbpm + "field").Select(f => new FormField
        {
            Key = f.Attr("key")?.Trim() ?? "",
            Label = f.Attr("label"),
            TypeName = f.Attr("type"),
            Required = f.Bool("required", false),
            ReadOnly = f.Bool("readonly", false),
            Min = Blank(f.Attr("min")),
            Max = Blank(f.Attr("max")),
            Pattern = Blank(f.Attr("pattern")),
            Default = f.Attr("default") is { Length: > 0 } d ? d : null,
            Options = f.Elements(Wbpm + "option")
                .Select(o => new FormOption(o.Attr("value") ?? "", o.Attr("label") is { Length: > 0 } label ? label : o.Attr("value") ?? ""))
                .ToArray(),
        }).ToArray();
        var outcomes = form.Elements(Wbpm + "outcome")
            .Select(o => new FormOutcome(o.Attr("label") ?? o.Attr("value") ?? "", o.Attr("variable")?.Trim() ?? "", o.Attr("value") ?? ""))
            .ToArray();
        return new FormDefinition(fields, outcomes);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
