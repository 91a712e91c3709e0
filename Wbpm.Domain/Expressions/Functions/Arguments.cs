namespace Wbpm.Domain.Expressions.Functions;

/// <summary>Typed access to function arguments: a missing argument or a value of the wrong type reads as null.</summary>
internal static class Arguments
{
    public static object? At(this IReadOnlyList<object?> arguments, int index) => index < arguments.Count ? arguments[index] : null;

    public static string? StringAt(this IReadOnlyList<object?> arguments, int index) => arguments.At(index) as string;

    public static decimal? NumberAt(this IReadOnlyList<object?> arguments, int index) => arguments.At(index) as decimal?;

    public static IReadOnlyList<object?>? ListAt(this IReadOnlyList<object?> arguments, int index) => arguments.At(index) as IReadOnlyList<object?>;

    /// <summary>An optional integer argument: absent gives the default, present but not an integer gives null.</summary>
    public static int? OptionalIntAt(this IReadOnlyList<object?> arguments, int index, int defaultValue)
    {
        if (index >= arguments.Count)
        {
            return defaultValue;
        }

        return arguments[index] is decimal number && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;
    }

    /// <summary>Functions such as min, max and sum take one list or the items themselves (DMN 1.3 §10.3.4.4).</summary>
    public static IReadOnlyList<object?>? ListOrItems(this IReadOnlyList<object?> arguments) =>
        arguments.Count != 1 ? arguments : arguments[0] switch
        {
            null => null,
            IReadOnlyList<object?> list => list,
            var single => [single],
        };
}
