using System.Globalization;
using System.Text.RegularExpressions;
using Wbpm.Domain.Security;

namespace Wbpm.Infrastructure.Templates;

/// <summary>
/// Checks the user's input against a template's typed parameters and turns it into the text written at each
/// placeholder. Every rule exists so a value can never change the markup or the meaning of an expression: numbers
/// and hours are re-formatted from their parsed value, group keys and text refuse quotes, braces and control
/// characters (they end up inside FEEL strings and comma lists), and XML escaping is left to the XML writer.
/// </summary>
public static partial class TemplateParameterBinder
{
    public const int MaxTextLength = 200;
    private const int MaxHours = 8760;

    /// <summary>Parameter name to substituted text; throws <see cref="ValidationException"/> with one entry per bad field.</summary>
    public static IReadOnlyDictionary<string, string> Bind(IReadOnlyList<TemplateParameter> parameters, IReadOnlyDictionary<string, string?> input)
    {
        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unknown in input.Keys.Where(k => parameters.All(p => p.Name != k)))
            errors[unknown] = [$"The template has no parameter '{unknown}'."];
        foreach (var parameter in parameters)
        {
            var raw = input.TryGetValue(parameter.Name, out var given) ? given?.Trim() : parameter.Default;
            if (string.IsNullOrEmpty(raw))
            {
                if (parameter.Required)
                    errors[parameter.Name] = [$"{parameter.Label} is required."];
                else
                    values[parameter.Name] = "";
                continue;
            }
            var (value, error) = Convert(parameter, raw);
            if (error is not null)
                errors[parameter.Name] = [error];
            else
                values[parameter.Name] = value!;
        }
        if (errors.Count > 0)
            throw new ValidationException(errors);
        return values;
    }

    private static (string? Value, string? Error) Convert(TemplateParameter p, string raw) => p.Type switch
    {
        TemplateParameterType.Number => Number(p, raw),
        TemplateParameterType.DurationHours => Hours(p, raw),
        TemplateParameterType.Group => GroupKey().IsMatch(raw)
            ? (raw, null)
            : (null, $"{p.Label} must be a group key: letters, digits, '.', '_' or '-' (up to 64 characters)."),
        _ => Text(p, raw),
    };

    private static (string?, string?) Number(TemplateParameter p, string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
            return (null, $"{p.Label} must be a number, like 1000 or 12.5.");
        if (p.Min is { } min && number < min)
            return (null, $"{p.Label} must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        if (p.Max is { } max && number > max)
            return (null, $"{p.Label} must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
        // Re-formatted, so "1e3" or "0x10" tricks never reach the expression text.
        return (number.ToString(CultureInfo.InvariantCulture), null);
    }

    private static (string?, string?) Hours(TemplateParameter p, string raw)
    {
        var min = (int)(p.Min ?? 1);
        var max = (int)Math.Min(p.Max ?? MaxHours, MaxHours);
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours < min || hours > max)
            return (null, $"{p.Label} must be a whole number of hours from {min} to {max}.");
        return (hours.ToString(CultureInfo.InvariantCulture), null);
    }

    private static (string?, string?) Text(TemplateParameter p, string raw)
    {
        if (raw.Length > MaxTextLength)
            return (null, $"{p.Label} can be at most {MaxTextLength} characters.");
        if (raw.Any(c => char.IsControl(c) || c is '"' or '\\' or '{' or '}'))
            return (null, $"{p.Label} cannot contain quotes, backslashes, braces or line breaks.");
        if (p.Pattern is { } pattern && !Regex.IsMatch(raw, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            return (null, $"{p.Label} has the wrong format.");
        return (raw, null);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex GroupKey();
}
