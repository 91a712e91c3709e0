using System.Text.RegularExpressions;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// A variable name a FEEL expression can refer to without quoting: a letter, '_' or '$', then letters, digits, '_' or
/// '$' (the lexer's name rule), and not one of FEEL's keywords.
/// </summary>
public static partial class FeelName
{
    private static readonly HashSet<string> Keywords =
    [
        "true", "false", "null", "and", "or", "not", "if", "then", "else", "for", "in", "return", "some", "every",
        "satisfies", "instance", "of", "function", "between",
    ];

    public static bool IsValid(string? name) => name is not null && Shape().IsMatch(name) && !Keywords.Contains(name);

    /// <summary>Null when valid; otherwise what is wrong, naming <paramref name="what"/> ("The key").</summary>
    public static string? Problem(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
            return $"{what} is required.";
        if (Keywords.Contains(name.Trim()))
            return $"{what} cannot be the FEEL keyword '{name.Trim()}'.";
        return IsValid(name.Trim()) ? null : $"{what} starts with a letter, '_' or '$' and has only letters, digits, '_' and '$'.";
    }

    [GeneratedRegex(@"^[\p{L}_$][\p{L}\p{Nd}_$]*$")]
    private static partial Regex Shape();
}
