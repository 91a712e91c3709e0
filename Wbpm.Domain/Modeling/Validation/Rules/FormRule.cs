using System.Text.RegularExpressions;

namespace Wbpm.Domain.Modeling.Validation.Rules;

/// <summary>
/// wbpm:formDefinition of user tasks and start events (docs/forms.md): what would make the form impossible to render
/// or to submit is an error, so it is caught before deployment rather than in front of a user.
/// </summary>
internal sealed class FormRule : IValidationRule
{
    public void Check(ValidationContext context)
    {
        foreach (var node in context.Model.AllNodes)
        {
            var form = node switch
            {
                UserTask task => task.FormDefinition,
                StartEvent start => start.FormDefinition,
                _ => null,
            };
            if (form is not null)
                CheckForm(context, node, form);
        }
    }

    private static void CheckForm(ValidationContext context, FlowNode node, FormDefinition form)
    {
        var what = $"The form of {ValidationContext.Describe(node)}";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            if (!FormLiterals.IsFeelName(field.Key))
            {
                context.Error(node.Id, $"{what} has a field key '{field.Key}' that is not a variable name: use letters, digits and _ (e.g. startDate).");
                continue;
            }
            if (!seen.Add(field.Key))
                context.Error(node.Id, $"{what} has two fields with the key '{field.Key}': each field writes its own variable.");
            CheckField(context, node.Id, $"{what}: field '{field.Key}'", field);
        }
        foreach (var outcome in form.Outcomes)
        {
            if (string.IsNullOrWhiteSpace(outcome.Label))
                context.Error(node.Id, $"{what} has an outcome without a label: the button would be empty.");
            if (!FormLiterals.IsFeelName(outcome.Variable))
                context.Error(node.Id, $"{what}: outcome '{outcome.Label}' sets '{outcome.Variable}', which is not a variable name.");
        }
    }

    private static void CheckField(ValidationContext context, string elementId, string what, FormField field)
    {
        if (field.Type is not { } type)
        {
            context.Error(elementId, $"{what} has the unknown type '{field.TypeName}': use text, multiline, number, date, boolean, select or user.");
            return;
        }
        if (type == FormFieldType.Select && field.Options.Count == 0)
            context.Error(elementId, $"{what} is a select without options: add wbpm:option children.");
        if (field.Pattern is { } pattern)
        {
            if (type is not (FormFieldType.Text or FormFieldType.Multiline))
                context.Error(elementId, $"{what} has a pattern, but patterns apply to text fields only.");
            else if (!IsValidRegex(pattern, out var problem))
                context.Error(elementId, $"{what} has a pattern that is not a valid regular expression: {problem}");
        }
        CheckRange(context, elementId, what, field, type);
        if (field.Default is { } value)
        {
            if (field.HasFeelDefault)
                ExpressionRule.CheckExpression(context, elementId, $"The default of {what}", value);
            else if (FormLiterals.Default(field, value) is null)
                context.Error(elementId, $"{what} has the default '{value}', which is not a valid {type.ToString().ToLowerInvariant()} value" +
                    (type == FormFieldType.Select ? " (it must be one of the option values)." : "."));
        }
    }

    private static void CheckRange(ValidationContext context, string elementId, string what, FormField field, FormFieldType type)
    {
        if (field.Min is null && field.Max is null) return;
        switch (type)
        {
            case FormFieldType.Number:
                if (Parse(context, elementId, what, field, "a number", (string s, out decimal d) => FormLiterals.TryParseNumber(s, out d)) is (var min, var max) && min > max)
                    context.Error(elementId, $"{what} has min {field.Min} greater than max {field.Max}.");
                break;
            case FormFieldType.Text or FormFieldType.Multiline:
                if (Parse(context, elementId, what, field, "a whole number of characters", (string s, out int i) => FormLiterals.TryParseLength(s, out i)) is (var shortest, var longest) && shortest > longest)
                    context.Error(elementId, $"{what} has min length {field.Min} greater than max length {field.Max}.");
                break;
            case FormFieldType.Date:
                if (Parse(context, elementId, what, field, "an ISO date (yyyy-MM-dd)", (string s, out DateOnly d) => FormLiterals.TryParseDate(s, out d)) is (var earliest, var latest) && earliest > latest)
                    context.Error(elementId, $"{what} has min {field.Min} later than max {field.Max}.");
                break;
            default:
                context.Error(elementId, $"{what} has min/max, which apply to number, text, multiline and date fields only.");
                break;
        }
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>Both bounds when both parse (min/max default to the type's extremes); null after reporting a bad one.</summary>
    private static (T Min, T Max)? Parse<T>(ValidationContext context, string elementId, string what, FormField field, string expected, TryParse<T> parse)
        where T : struct
    {
        T? min = null, max = null;
        var ok = true;
        if (field.Min is { } minText)
        {
            if (parse(minText, out var v)) min = v;
            else { context.Error(elementId, $"{what} has min '{minText}', which is not {expected}."); ok = false; }
        }
        if (field.Max is { } maxText)
        {
            if (parse(maxText, out var v)) max = v;
            else { context.Error(elementId, $"{what} has max '{maxText}', which is not {expected}."); ok = false; }
        }
        return ok && min is { } a && max is { } b ? (a, b) : null;
    }

    private static bool IsValidRegex(string pattern, out string problem)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            problem = "";
            return true;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
