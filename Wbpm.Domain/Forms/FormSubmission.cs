using System.Text.Json;
using System.Text.RegularExpressions;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Forms;

/// <summary>The variables a valid submission writes, or the messages per field key (then nothing may be written).</summary>
public sealed record FormSubmissionResult(IReadOnlyDictionary<string, JsonElement> Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks submitted values against a deployed form (docs/forms.md) and types them: required, type, min/max, pattern
/// (with a timeout, so a hostile pattern or value cannot hold a request), options, users. Read-only fields are never
/// taken from the submission; values for keys that are not fields pass through (automation may set them); a chosen
/// outcome sets its variable. Pure: the caller supplies the current variables and the tenant's matching user names.
/// </summary>
public static class FormSubmission
{
    /// <summary>The error key when no (or an unknown) outcome was chosen.</summary>
    public const string OutcomeKey = "outcome";

    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);

    /// <param name="submitted">The values sent (null = none).</param>
    /// <param name="current">The variables the task (or a new instance) sees now: a required field already set there may be left out.</param>
    /// <param name="outcome">The label of the outcome button chosen; null when none (then an outcome variable may be sent directly).</param>
    /// <param name="knownUsers">User names of the tenant among the submitted values of user fields; null skips the check.</param>
    public static FormSubmissionResult Validate(FormDefinition form, IReadOnlyDictionary<string, JsonElement>? submitted,
        IReadOnlyDictionary<string, JsonElement> current, string? outcome = null, IReadOnlySet<string>? knownUsers = null)
    {
        submitted ??= new Dictionary<string, JsonElement>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }

        foreach (var (key, value) in submitted)
            if (form.Field(key) is null)
                values[key] = value;

        foreach (var field in form.Fields.Where(f => !f.ReadOnly))
        {
            var sent = submitted.TryGetValue(field.Key, out var value);
            if (!sent || IsEmpty(value))
            {
                if (field.Required && (sent || !current.TryGetValue(field.Key, out var existing) || IsEmpty(existing)))
                    Fail(field.Key, $"{field.DisplayLabel} is required.");
                else if (sent)
                    values[field.Key] = JsonSerializer.SerializeToElement<object?>(null);
                continue;
            }
            var checkedValue = FieldValue.Check(field, value, knownUsers);
            if (checkedValue.Error is { } message)
                Fail(field.Key, message);
            else
                values[field.Key] = checkedValue.Typed;
        }

        ApplyOutcome(form, outcome, values, Fail);
        return new FormSubmissionResult(values, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }

    private static void ApplyOutcome(FormDefinition form, string? outcome, Dictionary<string, JsonElement> values, Action<string, string> fail)
    {
        if (form.Outcomes.Count == 0)
        {
            if (!string.IsNullOrWhiteSpace(outcome))
                fail(OutcomeKey, $"This form has no outcome '{outcome}': it completes with its single button.");
            return;
        }
        var choices = string.Join(" or ", form.Outcomes.Select(o => o.Label));
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            var chosen = form.Outcomes.FirstOrDefault(o => o.Label == outcome)
                         ?? form.Outcomes.FirstOrDefault(o => string.Equals(o.Label, outcome.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
                fail(OutcomeKey, $"'{outcome}' is not an outcome of this form: choose {choices}.");
            else
                values[chosen.Variable] = FormLiterals.Outcome(chosen.Value);
            return;
        }
        // Automation may set an outcome variable directly; it must still be one of the outcomes' values.
        var direct = form.Outcomes.Select(o => o.Variable).Distinct().Where(values.ContainsKey).ToList();
        if (direct.Count == 0)
        {
            fail(OutcomeKey, $"Choose an outcome: {choices}.");
            return;
        }
        foreach (var variable in direct)
        {
            var allowed = form.Outcomes.Where(o => o.Variable == variable).Select(o => FormLiterals.Outcome(o.Value)).ToList();
            if (!allowed.Any(a => JsonElement.DeepEquals(a, values[variable])))
                fail(variable, $"{variable} must be one of the outcome values: {string.Join(", ", allowed.Select(a => a.GetRawText()))}.");
        }
    }

    public static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ||
        (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    /// <summary>One non-empty value against its field: the typed JSON value, or why it is refused.</summary>
    private static class FieldValue
    {
        public sealed record Checked(JsonElement Typed, string? Error);

        public static Checked Check(FormField field, JsonElement value, IReadOnlySet<string>? knownUsers)
        {
            var label = field.DisplayLabel;
            var result = field.Type switch
            {
                FormFieldType.Text or FormFieldType.Multiline => Text(field, value),
                FormFieldType.Number => Number(field, value),
                FormFieldType.Date => Date(field, value),
                FormFieldType.Boolean => value.ValueKind switch
                {
                    JsonValueKind.True or JsonValueKind.False => Ok(value),
                    JsonValueKind.String when value.GetString() is "true" or "false" => Ok(JsonSerializer.SerializeToElement(value.GetString() == "true")),
                    _ => Refuse($"{label} must be yes or no (true or false)."),
                },
                FormFieldType.Select => AsText(value) is { } choice && field.Options.Any(o => o.Value == choice)
                    ? Ok(JsonSerializer.SerializeToElement(choice))
                    : Refuse($"{label} must be one of: {string.Join(", ", field.Options.Select(o => o.Label))}."),
                FormFieldType.User => value.ValueKind != JsonValueKind.String
                    ? Refuse($"{label} must be a user name.")
                    : knownUsers is not null && !knownUsers.Contains(value.GetString()!.Trim())
                        ? Refuse($"{label}: '{value.GetString()}' is not a user of this tenant.")
                        : Ok(JsonSerializer.SerializeToElement(value.GetString()!.Trim())),
                _ => Refuse($"{label} has the unknown type '{field.TypeName}'."),
            };
            return result;

            Checked Text(FormField f, JsonElement v)
            {
                if (v.ValueKind != JsonValueKind.String) return Refuse($"{label} must be text.");
                var text = v.GetString()!;
                if (FormLiterals.TryParseLength(f.Min, out var shortest) && text.Length < shortest)
                    return Refuse($"{label} must be at least {shortest} characters long.");
                if (FormLiterals.TryParseLength(f.Max, out var longest) && text.Length > longest)
                    return Refuse($"{label} must be at most {longest} characters long.");
                if (f.Pattern is { } pattern)
                {
                    try
                    {
                        if (!Regex.IsMatch(text, $@"\A(?:{pattern})\z", RegexOptions.None, PatternTimeout))
                            return Refuse($"{label} does not have the expected format.");
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        return Refuse($"{label} could not be checked against its format in time; shorten it.");
                    }
                    catch (ArgumentException)
                    {
                        return Refuse($"{label} has a format (pattern) that is not a valid regular expression.");
                    }
                }
                return Ok(v);
            }

            Checked Number(FormField f, JsonElement v)
            {
                decimal number;
                if (v.ValueKind == JsonValueKind.Number ? !v.TryGetDecimal(out number) : !FormLiterals.TryParseNumber(AsText(v), out number))
                    return Refuse($"{label} must be a number.");
                if (FormLiterals.TryParseNumber(f.Min, out var min) && number < min) return Refuse($"{label} must be at least {f.Min}.");
                if (FormLiterals.TryParseNumber(f.Max, out var max) && number > max) return Refuse($"{label} must be at most {f.Max}.");
                return Ok(JsonSerializer.SerializeToElement(number));
            }

            Checked Date(FormField f, JsonElement v)
            {
                if (v.ValueKind != JsonValueKind.String || !FormLiterals.TryParseDate(v.GetString(), out var date))
                    return Refuse($"{label} must be a date (yyyy-MM-dd).");
                if (FormLiterals.TryParseDate(f.Min, out var earliest) && date < earliest) return Refuse($"{label} must be on or after {f.Min}.");
                if (FormLiterals.TryParseDate(f.Max, out var latest) && date > latest) return Refuse($"{label} must be on or before {f.Max}.");
                return Ok(JsonSerializer.SerializeToElement(FormLiterals.FormatDate(date)));
            }
        }

        private static Checked Ok(JsonElement typed) => new(typed, null);

        private static Checked Refuse(string message) => new(default, message);

        private static string? AsText(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }
}
