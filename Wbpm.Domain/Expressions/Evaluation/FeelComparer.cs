namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// Ordering for &lt; &lt;= &gt; &gt;= (DMN 1.3 §10.3.2.2): defined for two numbers, strings (ordinal), dates,
/// times, date-times (both with offset or both local), and durations of the same kind. Anything else
/// is not comparable and gives null.
/// </summary>
internal static class FeelComparer
{
    public static int? Compare(object? left, object? right) => (left, right) switch
    {
        (decimal a, decimal b) => a.CompareTo(b),
        (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (TimeOnly a, TimeOnly b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (DateTime a, DateTime b) => a.CompareTo(b),
        (TimeSpan a, TimeSpan b) => a.CompareTo(b),
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => a.CompareTo(b),
        _ => null,
    };
}
