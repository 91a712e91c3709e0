namespace Wbpm.Domain.Expressions;

/// <summary>A FEEL years-and-months duration (DMN 1.3 §10.3.2.3.8), e.g. P1Y2M = 14 months.</summary>
public readonly record struct FeelYearsMonthsDuration(int TotalMonths) : IComparable<FeelYearsMonthsDuration>
{
    public int Years => TotalMonths / 12;

    public int Months => TotalMonths % 12;

    public int CompareTo(FeelYearsMonthsDuration other) => TotalMonths.CompareTo(other.TotalMonths);

    public override string ToString() => Values.FeelFormatter.FormatYearsMonths(this);
}
