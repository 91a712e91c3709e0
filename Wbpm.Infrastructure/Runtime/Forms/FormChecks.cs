using System.Text.Json;
using Wbpm.Domain.Forms;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime.Forms;

/// <summary>
/// The server side of docs/forms.md: a submission is checked against the deployed form before anything is staged,
/// so a refused one changes nothing. User fields are checked against the enabled users of the context's tenant.
/// </summary>
public static class FormChecks
{
    /// <summary>The variables to write; <see cref="ValidationException"/> (keyed by field) when the submission is refused.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonElement>?> CheckAsync(WbpmDbContext db, FormDefinition? form,
        IReadOnlyDictionary<string, JsonElement>? submitted, IReadOnlyDictionary<string, JsonElement> current, string? outcome,
        CancellationToken cancellationToken)
    {
        if (form is null)
        {
            if (!string.IsNullOrWhiteSpace(outcome))
                throw ValidationException.For(FormSubmission.OutcomeKey, $"There is no form here, so there is no outcome '{outcome}' to choose.");
            return submitted;
        }
        var userNames = form.Fields.Where(f => f.Type == FormFieldType.User && !f.ReadOnly)
            .Select(f => submitted is not null && submitted.TryGetValue(f.Key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null)
            .OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var knownUsers = await UserDirectory.ExistingAsync(db, userNames, cancellationToken);
        var result = FormSubmission.Validate(form, submitted, current, outcome, knownUsers);
        if (!result.IsValid)
            throw new ValidationException(result.Errors);
        return result.Values;
    }
}
