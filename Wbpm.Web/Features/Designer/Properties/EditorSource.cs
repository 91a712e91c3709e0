using System.Text.Json;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Remembers which content of one part of the selected element an editor was loaded from or last wrote. The panel
/// re-renders with every canvas event; only different content (another element, an undo, a canvas edit) reloads the
/// editor, so a half-finished edit that is not written yet (it has problems) survives unrelated changes.
/// </summary>
public sealed class EditorSource<T>
{
    private string? _lastSeen, _lastWritten;

    /// <summary>
    /// True when <paramref name="value"/> of <paramref name="elementId"/> should replace the editor's content: it is
    /// neither what the editor was last given (a re-render of the parent with the same, possibly stale, element) nor
    /// the canvas describing back what the editor wrote.
    /// </summary>
    public bool IsNew(string elementId, T? value)
    {
        var key = Key(elementId, value);
        if (key == _lastSeen)
            return false;
        _lastSeen = key;
        return key != _lastWritten;
    }

    /// <summary>The editor wrote <paramref name="value"/>: when the canvas describes it back, it is not new.</summary>
    public void Wrote(string elementId, T? value) => _lastWritten = Key(elementId, value);

    public static string? Json(T? value) => value is null ? null : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string Key(string elementId, T? value) => elementId + "\n" + Json(value);
}
