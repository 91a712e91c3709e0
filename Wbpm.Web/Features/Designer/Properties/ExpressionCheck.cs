using Wbpm.Domain.Expressions;

namespace Wbpm.Web.Features.Designer.Properties;

/// <summary>
/// Checks a FEEL field as the designer types. A leading '=' (the Camunda 8 convention for "this is an expression")
/// is accepted and the column is reported in the text as typed.
/// </summary>
public static class ExpressionCheck
{
    public static string? Problem(FeelEngine feel, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var offset = text.TrimStart().StartsWith('=') ? text.IndexOf('=') + 1 : 0;
        var error = feel.CheckSyntax(text[offset..]);
        if (error is null)
            return null;
        var column = error.Line == 1 ? error.Column + offset : error.Column;
        return $"Line {error.Line}, column {column}: {error.Message}";
    }
}
