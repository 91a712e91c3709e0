using Wbpm.Domain.Expressions.Syntax;

namespace Wbpm.Domain.Expressions;

/// <summary>
/// Entry point of the FEEL expression language (DMN 1.3 subset, see docs/expressions.md). Thread-safe:
/// create one per application; it holds the parse cache. Safe by construction: expressions can only
/// read the variables they are given and call the built-in functions; no host access, no reflection,
/// no clock (now() is the `now` argument).
/// </summary>
public sealed class FeelEngine
{
    private readonly ParseCache<ParseResult> _cache;
    private int _parseCount;

    public FeelEngine(FeelOptions? options = null)
    {
        Options = options ?? FeelOptions.Default;
        if (Options.MaxSteps <= 0 || Options.MaxDepth <= 0 || Options.MaxListSize <= 0 || Options.MaxStringLength <= 0 || Options.ParseCacheSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "FEEL limits must be positive.");
        }

        _cache = new ParseCache<ParseResult>(Options.ParseCacheSize);
    }

    public FeelOptions Options { get; }

    /// <summary>Signatures of the built-in functions, sorted (for editor completion and documentation).</summary>
    public static IReadOnlyList<string> BuiltInFunctionSignatures { get; } =
        [.. Functions.BuiltInFunctions.All.Select(f => f.Signature).Order(StringComparer.Ordinal)];

    /// <summary>How many times an expression text was actually parsed (cache misses); for diagnostics and tests.</summary>
    public int ParseCount => Volatile.Read(ref _parseCount);

    /// <summary>Null when the expression parses; otherwise the first problem with its line and column.</summary>
    public FeelSyntaxError? CheckSyntax(string expression) => GetParsed(expression).Error;

    /// <summary>Parses (once per text, cached). Throws <see cref="FeelSyntaxException"/> when it does not parse.</summary>
    public FeelExpression Parse(string expression)
    {
        var result = GetParsed(expression);
        return result.Expression ?? throw new FeelSyntaxException(result.Error!);
    }

    /// <summary>
    /// Parses (cached) and evaluates. Throws <see cref="FeelSyntaxException"/> for a syntax error and
    /// <see cref="FeelEvaluationException"/> when a limit is exceeded; FEEL errors evaluate to null.
    /// </summary>
    public object? Evaluate(string expression, IReadOnlyDictionary<string, object?> variables, DateTimeOffset now) =>
        Parse(expression).Evaluate(variables, now);

    /// <summary>For gateway conditions: true only when the result is the boolean true (null or non-boolean => false).</summary>
    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, object?> variables, DateTimeOffset now) =>
        Parse(expression).EvaluateCondition(variables, now);

    private ParseResult GetParsed(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return _cache.GetOrAdd(expression, ParseUncached);
    }

    private ParseResult ParseUncached(string text)
    {
        Interlocked.Increment(ref _parseCount);
        try
        {
            return new ParseResult(new FeelExpression(text, Parser.Parse(text, Options.MaxDepth), Options), null);
        }
        catch (FeelSyntaxFailure failure)
        {
            return new ParseResult(null, failure.Error);
        }
    }

    private sealed record ParseResult(FeelExpression? Expression, FeelSyntaxError? Error);
}
