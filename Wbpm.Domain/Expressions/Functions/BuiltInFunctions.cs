namespace Wbpm.Domain.Expressions.Functions;

/// <summary>The catalogue of built-in functions, assembled from the per-area classes.</summary>
internal static class BuiltInFunctions
{
    private static readonly Dictionary<string, BuiltInFunction> ByName = StringFunctions.All
        .Concat(NumericFunctions.All)
        .Concat(ListFunctions.All)
        .Concat(TemporalFunctions.All)
        .Concat(ConversionFunctions.All)
        .Concat(ContextFunctions.All)
        .ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Names with spaces (`string length`, `date and time`), longest first so the parser matches greedily.</summary>
    public static readonly (string Name, string[] Words)[] MultiWordNames =
        [.. ByName.Keys.Where(n => n.Contains(' ', StringComparison.Ordinal)).Select(n => (n, n.Split(' '))).OrderByDescending(t => t.Item2.Length)];

    public static IEnumerable<BuiltInFunction> All => ByName.Values;

    public static bool TryGet(string name, out BuiltInFunction function) => ByName.TryGetValue(name, out function!);

    public static BuiltInFunction Get(string name) => ByName[name];
}
