namespace Wbpm.Web.Features.Tasks;

/// <summary>
/// Which CSS marker each active element of an instance gets on the read-only diagram (app.css): the task's own
/// activity stands out as "current", the instance's other active elements (parallel branches) as "active".
/// </summary>
public static class ActivityMarkers
{
    public const string Current = "wbpm-current";
    public const string Active = "wbpm-active";

    public static IReadOnlyDictionary<string, string> For(IEnumerable<string> activeElementIds, string? currentElementId) =>
        activeElementIds.Distinct().ToDictionary(id => id, id => id == currentElementId ? Current : Active);
}
