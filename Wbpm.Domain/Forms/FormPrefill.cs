using System.Text.Json;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling;

namespace Wbpm.Domain.Forms;

/// <summary>
/// The values a form shows when it opens: each field's variable when it has a value, else its default (a literal in
/// the field's type, or FEEL after '=' evaluated against the same variables). A default that fails to evaluate shows
/// nothing rather than blocking the form: the user can still type the value.
/// </summary>
public static class FormPrefill
{
    public static IReadOnlyDictionary<string, JsonElement> Resolve(FormDefinition form, IReadOnlyDictionary<string, JsonElement> variables,
        FeelEngine feel, DateTimeOffset now)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?>? feelVariables = null;
        foreach (var field in form.Fields)
        {
            if (variables.TryGetValue(field.Key, out var existing) && !FormSubmission.IsEmpty(existing))
            {
                values[field.Key] = existing;
                continue;
            }
            if (field.Default is not { } text) continue;
            JsonElement? value;
            if (field.HasFeelDefault)
            {
                feelVariables ??= variables.ToDictionary(v => v.Key, v => (object?)v.Value, StringComparer.Ordinal);
                value = Evaluate(feel, text.TrimStart()[1..], feelVariables, now);
            }
            else
            {
                value = FormLiterals.Default(field, text);
            }
            if (value is { } resolved && !FormSubmission.IsEmpty(resolved))
                values[field.Key] = resolved;
        }
        return values;
    }

    private static JsonElement? Evaluate(FeelEngine feel, string expression, IReadOnlyDictionary<string, object?> variables, DateTimeOffset now)
    {
        try
        {
            return FeelJson.ToJson(feel.Evaluate(expression, variables, now));
        }
        catch (FeelSyntaxException)
        {
            return null;
        }
        catch (FeelEvaluationException)
        {
            return null;
        }
    }
}
