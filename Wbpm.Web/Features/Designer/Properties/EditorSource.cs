using System.Text.Json;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Remembers which content of one part of the selected element an editor was loaded from or last wrote. The panel
/// re-renders with every canvas event; only different content (another element, an undo, a canvas edit) reloads the
/// editor, so a half-finished edit that is not written yet (it has problems) survives unrelated changes.
/// </summary>
public sealed class EditorSource<T>
{
    private string? _lastSeen;

    // Every write not yet described back by the canvas, oldest first. Writes made in quick succession (type, then
    // minimum) come back in order; an echo of an earlier write must not reload the editor over the later ones.
    private readonly List<string> _pendingWrites = [];

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
        var echoed = _pendingWrites.IndexOf(key);
        if (echoed >= 0)
        {
            _pendingWrites.RemoveRange(0, echoed + 1);
            return false;
        }
        _pendingWrites.Clear();
        return true;
    }

    /// <summary>The editor wrote <paramref name="value"/>: when the canvas describes it back, it is not new.</summary>
    public void Wrote(string elementId, T? value) => _pendingWrites.Add(Key(elementId, value));

    public static string? Json(T? value) => value is null ? null : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string Key(string elementId, T? value) => elementId + "\n" + Json(value);
}
