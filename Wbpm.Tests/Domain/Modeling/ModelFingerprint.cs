using System.Collections;
using System.Reflection;
using System.Text;
using Wbpm.Domain.Modeling;

namespace Wbpm.Tests.Domain.Modeling;

/// <summary>
/// A text form of a model's typed content (every public property except the retained Source XML), so two models
/// read from different XML can be compared for semantic equality.
/// </summary>
public static class ModelFingerprint
{
    public static string Of(ProcessModel model)
    {
        var text = new StringBuilder();
        Append(model.Definitions, text, 0);
        return text.ToString();
    }

    private static void Append(object? value, StringBuilder text, int depth)
    {
        switch (value)
        {
            case null: text.Append("null"); return;
            case string s: text.Append('"').Append(s).Append('"'); return;
            case ModelElement element:
                text.Append(element.GetType().Name).Append(" {");
                foreach (var property in element.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.Name is not ("Source" or "EqualityContract" or "Definition" or "Trigger")).OrderBy(p => p.Name))
                {
                    text.Append('\n').Append(' ', depth * 2 + 2).Append(property.Name).Append(": ");
                    Append(property.GetValue(element), text, depth + 1);
                }
                text.Append(" }");
                return;
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    Append(item, text, depth + 1);
                    text.Append(", ");
                }
                text.Append(']');
                return;
            default: text.Append(value); return;
        }
    }
}
