using System.Text.Json;

namespace Wbpm.Web.Features.Forms;

/// <summary>
/// What <see cref="FormView"/> hands to its owner: the editable fields' values (read-only fields are never included)
/// and the label of the outcome button pressed (null for the single Complete/Submit button).
/// </summary>
public sealed record FormViewSubmission(IReadOnlyDictionary<string, JsonElement> Values, string? Outcome);
