namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>Reserved words of the supported grammar (DMN 1.3 §10.3.1.2). `not` is a function, not a keyword.</summary>
internal static class Keywords
{
    public static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "and", "or", "if", "then", "else", "for", "in", "return",
        "some", "every", "satisfies", "between", "instance", "of", "function",
    };
}
