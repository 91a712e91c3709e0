using System.Text.Json;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Remembers which content of one part of the selected element an editor was loaded from or last wrote. The panel
/// re-renders with every canvas event; only different content (another element, an undo, a canvas edit) reloads the
/// editor, so a half-finished edit that is not written yet (it has problems) survives unrelated changes.
/// </summary>
public sealed class EditorSource<T>
{
    private string? _last;

    /// <summary>True (and remembered) when <paramref name="value"/> of <paramref name="elementId"/> is not what the editor holds.</summary>
    public bool IsNew(string elementId, T? value)
    {
        var key = Key(elementId, value);
        if (key == _last)
            return false;
        _last = key;
        return true;
    }

    /// <summary>The editor wrote <paramref name="value"/>: when the canvas describes it back, it is not new.</summary>
    public void Wrote(string elementId, T? value) => _last = Key(elementId, value);

    public static string? Json(T? value) => value is null ? null : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string Key(string elementId, T? value) => elementId + "\n" + Json(value);
}
