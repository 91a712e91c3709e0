using System.Globalization;
using System.Text;

namespace Wbpm.Infrastructure.Templates;

/// <summary>
/// A BPMN process id (the draft key) derived from a name people typed: "Leave request – Sales" becomes
/// "leave-request-sales". Always a valid XML NCName, so it can be written as the process id.
/// </summary>
public static class ProcessKeys
{
    public const int MaxLength = 60;

    public static string FromName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue; // é -> e
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                builder.Append(c);
            else if (c is >= 'A' and <= 'Z')
                builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var key = builder.ToString().Trim('-');
        if (key.Length > MaxLength)
            key = key[..MaxLength].TrimEnd('-');
        // An NCName cannot start with a digit (or be empty).
        if (key.Length == 0)
            return "process";
        return char.IsDigit(key[0]) ? "process-" + key : key;
    }
}
