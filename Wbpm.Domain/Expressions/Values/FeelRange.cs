namespace Wbpm.Domain.Expressions;

/// <summary>
/// A range such as [1..10], (1..10) or ]1..10[ (DMN 1.3 §10.3.2.7). Used by `in` tests and `for`
/// iteration; a null end means unbounded.
/// </summary>
public sealed record FeelRange(object? Start, bool StartIncluded, object? End, bool EndIncluded);
