using System.Text.Json.Serialization;

namespace Wbpm.Infrastructure.Templates;

/// <summary>How a parameter's input is checked and written into the XML.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemplateParameterType>))]
public enum TemplateParameterType
{
    /// <summary>Short text without quotes, backslashes, braces or control characters (safe inside FEEL strings), optional pattern.</summary>
    Text,
    /// <summary>A decimal number, written in invariant culture; optional min/max.</summary>
    Number,
    /// <summary>A group key (letters, digits, '.', '_', '-'), used in candidate groups.</summary>
    Group,
    /// <summary>Whole hours (1..8760), written into ISO 8601 durations such as PT{{slaHours}}H.</summary>
    DurationHours,
}

/// <summary>One value the user fills when creating a process from a template; <c>{{Name}}</c> marks where it goes.</summary>
public sealed record TemplateParameter(
    string Name, string Label, TemplateParameterType Type, string? Default, bool Required = true, string? Help = null,
    decimal? Min = null, decimal? Max = null, string? Pattern = null);

/// <summary>A process variable the template reads or writes (documentation for the people starting it).</summary>
public sealed record TemplateVariable(string Name, string Source, string Description);

/// <summary>A card of the template gallery.</summary>
public sealed record ProcessTemplateSummary(string Id, string Name, string Category, string Description, bool IsBuiltIn, int ParameterCount);

/// <summary>A template with what instantiation needs: parameters and the XML with its placeholders.</summary>
public sealed record ProcessTemplate(
    string Id, string Name, string Category, string Description, bool IsBuiltIn,
    IReadOnlyList<TemplateParameter> Parameters, IReadOnlyList<TemplateVariable> Variables, string Xml)
{
    public ProcessTemplateSummary Summary() => new(Id, Name, Category, Description, IsBuiltIn, Parameters.Count);
}
