using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>
/// Regular expressions for matches/replace/split (DMN 1.3 §10.3.4.3, XPath flags s m i x). Patterns run
/// with RegexOptions.NonBacktracking (linear time, no catastrophic backtracking); a pattern that engine
/// cannot handle (backreferences, lookarounds) falls back to the backtracking engine under a timeout.
/// Compiled patterns are cached (bounded).
/// </summary>
internal static class FeelRegex
{
    private const int MaxPatternLength = 1_000;
    private const int MaxCachedPatterns = 256;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private static readonly ConcurrentDictionary<(string Pattern, string Flags), Regex?> Cache = new();

    /// <summary>The regex, or null when the pattern or flags are invalid (FEEL: the function returns null).</summary>
    public static Regex? Create(string pattern, string? flags)
    {
        flags ??= "";
        if (pattern.Length > MaxPatternLength)
        {
            return null;
        }

        if (Cache.TryGetValue((pattern, flags), out var cached))
        {
            return cached;
        }

        var regex = Build(pattern, flags);
        if (Cache.Count >= MaxCachedPatterns)
        {
            Cache.Clear();
        }

        Cache[(pattern, flags)] = regex;
        return regex;
    }

    /// <summary>Runs a regex operation; a timeout is a resource limit, reported like the step limit.</summary>
    public static T Run<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (RegexMatchTimeoutException)
        {
            throw new FeelEvaluationException("A regular expression took too long to evaluate.");
        }
    }

    private static Regex? Build(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                's' => RegexOptions.Singleline,
                'm' => RegexOptions.Multiline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => (RegexOptions)(-1),
            };
            if (options == (RegexOptions)(-1))
            {
                return null;
            }
        }

        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            return TryBuild(pattern, options);
        }
        catch (ArgumentException)
        {
            return TryBuild(pattern, options);
        }
    }

    private static Regex? TryBuild(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
