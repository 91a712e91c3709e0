namespace Wbpm.Domain.Expressions.Evaluation;

/// <summary>
/// + - * / ** and negation with FEEL semantics (DMN 1.3 §10.3.2.3 and table 57): decimal numbers,
/// string concatenation, temporal values with durations. A type mismatch, a division by zero or an
/// overflow gives null.
/// </summary>
internal static class FeelArithmetic
{
    /// <summary>Integer exponents up to this size are computed exactly by repeated squaring.</summary>
    private const int MaxExactExponent = 1_000;

    public static object? Apply(Syntax.BinaryOperator op, object? left, object? right, EvaluationContext context)
    {
        if (left is null || right is null)
        {
            return null;
        }

        try
        {
            return op switch
            {
                Syntax.BinaryOperator.Add => Add(left, right, context),
                Syntax.BinaryOperator.Subtract => Subtract(left, right),
                Syntax.BinaryOperator.Multiply => Multiply(left, right),
                Syntax.BinaryOperator.Divide => Divide(left, right),
                Syntax.BinaryOperator.Power => Power(left, right),
                _ => null,
            };
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or ArgumentException)
        {
            return null; // out of the value range of decimal or of the temporal types
        }
    }

    public static object? Negate(object? value)
    {
        try
        {
            return value switch
            {
                decimal number => -number,
                TimeSpan duration => duration.Negate(),
                FeelYearsMonthsDuration duration => new FeelYearsMonthsDuration(checked(-duration.TotalMonths)),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static object? Add(object left, object right, EvaluationContext context)
    {
        switch (left, right)
        {
            case (decimal a, decimal b):
                return a + b;
            case (string a, string b):
                context.AllocateString((long)a.Length + b.Length);
                return string.Concat(a, b);
            case (TimeSpan a, TimeSpan b):
                return a + b;
            case (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b):
                return new FeelYearsMonthsDuration(checked(a.TotalMonths + b.TotalMonths));
            case (TimeSpan or FeelYearsMonthsDuration, DateOnly or TimeOnly or DateTimeOffset or DateTime):
                return AddDuration(right, left);
            default:
                return AddDuration(left, right);
        }
    }

    /// <summary>Temporal value + duration. A date plus a days-and-time duration stays a date (DMN 1.4 clarification).</summary>
    private static object? AddDuration(object temporal, object duration) => (temporal, duration) switch
    {
        (DateOnly date, TimeSpan span) => DateOnly.FromDateTime(date.ToDateTime(TimeOnly.MinValue) + span),
        (DateOnly date, FeelYearsMonthsDuration months) => date.AddMonths(months.TotalMonths),
        (TimeOnly time, TimeSpan span) => time.Add(span), // wraps around midnight
        (DateTimeOffset dateTime, TimeSpan span) => dateTime + span,
        (DateTimeOffset dateTime, FeelYearsMonthsDuration months) => dateTime.AddMonths(months.TotalMonths),
        (DateTime dateTime, TimeSpan span) => dateTime + span,
        (DateTime dateTime, FeelYearsMonthsDuration months) => dateTime.AddMonths(months.TotalMonths),
        _ => null,
    };

    private static object? Subtract(object left, object right) => (left, right) switch
    {
        (decimal a, decimal b) => a - b,
        (TimeSpan a, TimeSpan b) => a - b,
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => new FeelYearsMonthsDuration(checked(a.TotalMonths - b.TotalMonths)),
        (DateOnly a, DateOnly b) => TimeSpan.FromDays(a.DayNumber - b.DayNumber),
        (TimeOnly a, TimeOnly b) => a.ToTimeSpan() - b.ToTimeSpan(),
        (DateTimeOffset a, DateTimeOffset b) => a - b,
        (DateTime a, DateTime b) => a - b,
        (_, TimeSpan span) => AddDuration(left, span.Negate()),
        (_, FeelYearsMonthsDuration months) => AddDuration(left, new FeelYearsMonthsDuration(checked(-months.TotalMonths))),
        _ => null,
    };

    private static object? Multiply(object left, object right) => (left, right) switch
    {
        (decimal a, decimal b) => a * b,
        (TimeSpan span, decimal factor) => ScaleDuration(span, factor),
        (decimal factor, TimeSpan span) => ScaleDuration(span, factor),
        (FeelYearsMonthsDuration months, decimal factor) => ScaleMonths(months, factor),
        (decimal factor, FeelYearsMonthsDuration months) => ScaleMonths(months, factor),
        _ => null,
    };

    private static object? Divide(object left, object right) => (left, right) switch
    {
        (_, 0m) => null, // DMN 1.3 §10.3.2.3: division by zero is null
        (decimal a, decimal b) => a / b,
        (TimeSpan span, decimal divisor) => ScaleDuration(span, 1m / divisor),
        (TimeSpan a, TimeSpan b) => b == TimeSpan.Zero ? null : (decimal)a.Ticks / b.Ticks,
        (FeelYearsMonthsDuration months, decimal divisor) => ScaleMonths(months, 1m / divisor),
        (FeelYearsMonthsDuration a, FeelYearsMonthsDuration b) => b.TotalMonths == 0 ? null : (decimal)a.TotalMonths / b.TotalMonths,
        _ => null,
    };

    private static TimeSpan ScaleDuration(TimeSpan span, decimal factor) =>
        TimeSpan.FromTicks(checked((long)decimal.Round(span.Ticks * factor, MidpointRounding.ToEven)));

    private static FeelYearsMonthsDuration ScaleMonths(FeelYearsMonthsDuration months, decimal factor) =>
        new(checked((int)decimal.Round(months.TotalMonths * factor, MidpointRounding.ToEven)));

    private static object? Power(object left, object right)
    {
        if (left is not decimal number || right is not decimal exponent)
        {
            return null;
        }

        if (exponent == decimal.Truncate(exponent) && Math.Abs(exponent) <= MaxExactExponent)
        {
            var result = ExactPower(number, (int)Math.Abs(exponent));
            return exponent >= 0 ? result : result == 0m ? null : 1m / result;
        }

        var approximate = Math.Pow((double)number, (double)exponent);
        return double.IsFinite(approximate) && Math.Abs(approximate) < (double)decimal.MaxValue ? (decimal)approximate : null;
    }

    private static decimal ExactPower(decimal number, int exponent)
    {
        var result = 1m;
        var factor = number;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result *= factor;
            }

            exponent >>= 1;
            if (exponent > 0)
            {
                factor *= factor;
            }
        }

        return result;
    }
}
