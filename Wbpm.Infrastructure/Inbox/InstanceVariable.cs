using System.Text.Json.Serialization;
using Wbpm.Domain.Tenancy;

namespace Wbpm.Infrastructure.Inbox;

[JsonConverter(typeof(JsonStringEnumConverter<VariableType>))]
public enum VariableType { Text, Number, Date, Boolean }

/// <summary>
/// One top-level scalar process variable of an instance, projected into typed columns so inboxes filter tasks by it
/// in SQL (the state JSON cannot be indexed portably). A text that reads as an ISO 8601 date is a <see cref="VariableType.Date"/>
/// and keeps its text too, so a text filter still matches it.
/// </summary>
public sealed class InstanceVariable : ITenantOwned
{
    /// <summary>Longer texts are not projected: an index entry must stay small, and nobody filters by a paragraph.</summary>
    public const int MaxTextLength = 256;

    private InstanceVariable() { TenantId = ProcessInstanceId = DefinitionKey = Name = ""; }

    public InstanceVariable(string tenantId, string processInstanceId, string definitionKey, string name, ScalarValue value)
    {
        TenantId = tenantId;
        ProcessInstanceId = processInstanceId;
        DefinitionKey = definitionKey;
        Name = name;
        Set(value);
    }

    public string TenantId { get; private set; }
    public string ProcessInstanceId { get; private set; }
    public string DefinitionKey { get; private set; }
    public string Name { get; private set; }
    public VariableType Type { get; private set; }
    public string? TextValue { get; private set; }
    public double? NumberValue { get; private set; }
    public DateTimeOffset? DateValue { get; private set; }
    public bool? BooleanValue { get; private set; }

    public void Set(ScalarValue value)
    {
        Type = value.Type;
        TextValue = value.Text;
        NumberValue = value.Number;
        DateValue = value.Date;
        BooleanValue = value.Boolean;
    }
}

/// <summary>A variable's value in the projection's typed columns.</summary>
public sealed record ScalarValue(VariableType Type, string? Text, double? Number, DateTimeOffset? Date, bool? Boolean);
