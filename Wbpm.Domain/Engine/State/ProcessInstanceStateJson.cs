using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wbpm.Domain.Engine;

/// <summary>The one JSON format of <see cref="ProcessInstanceState"/> (camelCase, enums as strings).</summary>
public static class ProcessInstanceStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ProcessInstanceState state) => JsonSerializer.Serialize(state, Options);

    public static ProcessInstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<ProcessInstanceState>(json, Options)
        ?? throw new JsonException("The instance state JSON is null.");
}
