using System.Globalization;
using System.Text.RegularExpressions;
using Wbpm.Domain.Expressions;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// The form builder's working copy of a &lt;wbpm:formDefinition&gt;: fields and outcome buttons in order, the rules of
/// docs/forms.md as <see cref="Problems"/>, and <see cref="ToData"/> for what is written to the model. The panel writes
/// the form only while it has no problems, so the model never holds a form the task page would refuse.
/// </summary>
public sealed class FormDefinitionEditorModel
{
    private static readonly TimeSpan PatternCheckTimeout = TimeSpan.FromMilliseconds(200);

    public List<FormFieldEditor> Fields { get; } = [];
    public List<FormOutcomeEditor> Outcomes { get; } = [];

    public static FormDefinitionEditorModel From(FormDefinitionData? data)
    {
        var model = new FormDefinitionEditorModel();
        foreach (var f in data?.Fields ?? [])
        {
            model.Fields.Add(new FormFieldEditor
            {
                Key = f.Key, Label = f.Label ?? "", Type = FormFieldTypes.All.Contains(f.Type) ? f.Type : FormFieldTypes.Text,
                Required = f.Required, Readonly = f.Readonly, Min = f.Min ?? "", Max = f.Max ?? "", Pattern = f.Pattern ?? "",
                Default = f.Default ?? "", Options = f.Options.Select(o => new FormOptionEditor { Value = o.Value, Label = o.Label ?? "" }).ToList(),
            });
        }
        foreach (var o in data?.Outcomes ?? [])
            model.Outcomes.Add(new FormOutcomeEditor { Label = o.Label, Variable = o.Variable, Value = o.Value });
        return model;
    }

    public bool IsEmpty => Fields.Count == 0 && Outcomes.Count == 0;

    /// <summary>Adds a text field with the first free key field1, field2, ...</summary>
    public FormFieldEditor AddField()
    {
        var n = 1;
        while (Fields.Any(f => f.Key == $"field{n}"))
            n++;
        var field = new FormFieldEditor { Key = $"field{n}", Label = $"Field {n}" };
        Fields.Add(field);
        return field;
    }

    public FormOutcomeEditor AddOutcome()
    {
        var outcome = new FormOutcomeEditor { Label = Outcomes.Count == 0 ? "Approve" : "Reject", Variable = Outcomes.FirstOrDefault()?.Variable ?? "approved",
            Value = Outcomes.Count == 0 ? "true" : "false" };
        Outcomes.Add(outcome);
        return outcome;
    }

    /// <summary>Moves the item at <paramref name="index"/> by <paramref name="delta"/> places; false at either end.</summary>
    public static bool Move<T>(List<T> items, int index, int delta)
    {
        var target = index + delta;
        if (index < 0 || index >= items.Count || target < 0 || target >= items.Count)
            return false;
        (items[index], items[target]) = (items[target], items[index]);
        return true;
    }

    public IReadOnlyList<PanelProblem> Problems(FeelEngine feel)
    {
        var problems = new List<PanelProblem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            var at = $"fields[{i}].";
            if (FeelName.Problem(field.Key, "The key") is { } keyProblem)
                problems.Add(new(at + "key", keyProblem));
            else if (!keys.Add(field.Key.Trim()))
                problems.Add(new(at + "key", $"Another field already uses the key '{field.Key.Trim()}'."));
            FieldProblems(field, at, feel, problems);
        }
        for (var i = 0; i < Outcomes.Count; i++)
        {
            var outcome = Outcomes[i];
            var at = $"outcomes[{i}].";
            if (string.IsNullOrWhiteSpace(outcome.Label))
                problems.Add(new(at + "label", "The button needs a label."));
            else if (Outcomes.Take(i).Any(o => o.Label.Trim() == outcome.Label.Trim()))
                problems.Add(new(at + "label", $"Another button is already labelled '{outcome.Label.Trim()}'."));
            if (FeelName.Problem(outcome.Variable, "The variable") is { } variableProblem)
                problems.Add(new(at + "variable", variableProblem));
            if (string.IsNullOrWhiteSpace(outcome.Value))
                problems.Add(new(at + "value", "The value is required (true, false, a number or text)."));
        }
        return problems;
    }

    private static void FieldProblems(FormFieldEditor field, string at, FeelEngine feel, List<PanelProblem> problems)
    {
        if (field.Type == FormFieldTypes.Select)
        {
            if (field.Options.Count == 0)
                problems.Add(new(at + "options", "A select field needs at least one option."));
            var values = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < field.Options.Count; j++)
            {
                var optionValue = field.Options[j].Value.Trim();
                if (optionValue.Length == 0)
                    problems.Add(new(at + $"options[{j}].value", "An option needs a value."));
                else if (!values.Add(optionValue))
                    problems.Add(new(at + $"options[{j}].value", $"The value '{optionValue}' is already an option."));
            }
        }

        if (!string.IsNullOrWhiteSpace(field.Pattern))
        {
            if (field.Type is not (FormFieldTypes.Text or FormFieldTypes.Multiline))
                problems.Add(new(at + "pattern", "A pattern applies to text and multiline fields only."));
            else if (PatternProblem(field.Pattern) is { } patternProblem)
                problems.Add(new(at + "pattern", patternProblem));
        }

        RangeProblems(field, at, problems);

        var value = field.Default.Trim();
        if (value.Length == 0)
            return;
        if (value.StartsWith('='))
        {
            if (ExpressionCheck.Problem(feel, value) is { } expressionProblem)
                problems.Add(new(at + "default", expressionProblem));
            return;
        }
        var literalProblem = field.Type switch
        {
            FormFieldTypes.Number when !TryNumber(value, out _) => "The default of a number field is a number (or = expression).",
            FormFieldTypes.Date when !TryDate(value, out _) => "The default of a date field is an ISO date, yyyy-MM-dd (or = expression).",
            FormFieldTypes.Boolean when value is not ("true" or "false") => "The default of a yes/no field is true or false (or = expression).",
            FormFieldTypes.Select when field.Options.All(o => o.Value.Trim() != value) => $"The default '{value}' is not one of the options.",
            _ => null,
        };
        if (literalProblem is not null)
            problems.Add(new(at + "default", literalProblem));
    }

    // min/max: numbers for number fields, lengths for text, ISO dates for dates (docs/forms.md).
    private static void RangeProblems(FormFieldEditor field, string at, List<PanelProblem> problems)
    {
        var min = field.Min.Trim();
        var max = field.Max.Trim();
        if (min.Length == 0 && max.Length == 0)
            return;
        if (field.Type is FormFieldTypes.Boolean or FormFieldTypes.Select or FormFieldTypes.User)
        {
            problems.Add(new(at + (min.Length > 0 ? "min" : "max"), "Min and max apply to number, text, multiline and date fields only."));
            return;
        }
        IComparable? Parse(string text, string which)
        {
            if (text.Length == 0)
                return null;
            IComparable? parsed = field.Type switch
            {
                FormFieldTypes.Number => TryNumber(text, out var n) ? n : null,
                FormFieldTypes.Date => TryDate(text, out var d) ? d : null,
                _ => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null,
            };
            if (parsed is null)
            {
                problems.Add(new(at + which, field.Type switch
                {
                    FormFieldTypes.Number => $"The {which}imum is a number.",
                    FormFieldTypes.Date => $"The {which}imum is an ISO date, yyyy-MM-dd.",
                    _ => $"The {which}imum is a length: a whole number, 0 or more.",
                }));
            }
            return parsed;
        }
        var low = Parse(min, "min");
        var high = Parse(max, "max");
        if (low is not null && high is not null && low.CompareTo(high) > 0)
            problems.Add(new(at + "max", "The maximum is smaller than the minimum."));
    }

    private static string? PatternProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternCheckTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return "Not a valid regular expression: " + e.Message;
        }
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>The form as written to the model; null when it has neither fields nor outcomes (no formDefinition element).</summary>
    public FormDefinitionData? ToData()
    {
        if (IsEmpty)
            return null;
        return new FormDefinitionData(
            Fields.Select(f => new FormFieldData
            {
                Key = f.Key.Trim(), Label = Blank(f.Label), Type = f.Type, Required = f.Required, Readonly = f.Readonly,
                Min = Blank(f.Min), Max = Blank(f.Max), Pattern = string.IsNullOrWhiteSpace(f.Pattern) ? null : f.Pattern, Default = Blank(f.Default),
                Options = f.Type == FormFieldTypes.Select ? f.Options.Select(o => new FormOptionData(o.Value.Trim(), Blank(o.Label))).ToList() : [],
            }).ToList(),
            Outcomes.Select(o => new FormOutcomeData(o.Label.Trim(), o.Variable.Trim(), o.Value.Trim())).ToList());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class FormFieldEditor
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string Type { get; set; } = FormFieldTypes.Text;
    public bool Required { get; set; }
    public bool Readonly { get; set; }
    public string Min { get; set; } = "";
    public string Max { get; set; } = "";
    public string Pattern { get; set; } = "";
    public string Default { get; set; } = "";
    public List<FormOptionEditor> Options { get; set; } = [];
}

public sealed class FormOptionEditor
{
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
}

public sealed class FormOutcomeEditor
{
    public string Label { get; set; } = "";
    public string Variable { get; set; } = "";
    public string Value { get; set; } = "";
}
