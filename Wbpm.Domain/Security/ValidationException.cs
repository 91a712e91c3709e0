namespace Wbpm.Domain.Security;

/// <summary>Input was rejected; nothing was changed. Errors are keyed by field name ("" for the whole input).</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
