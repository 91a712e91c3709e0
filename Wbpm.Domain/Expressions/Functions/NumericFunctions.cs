using Wbpm.Domain.Expressions.Evaluation;

namespace Wbpm.Domain.Expressions.Functions;

/// <summary>Numeric functions (DMN 1.3 §10.3.4.5, rounding functions of DMN 1.4). Numbers are System.Decimal.</summary>
internal static class NumericFunctions
{
    /// <summary>decimal supports scales 0..28; beyond that a value is already exact.</summary>
    private const int MaxScale = 27;

    public static IEnumerable<BuiltInFunction> All =>
    [
        new("abs", "abs(n)", 1, 1, (a, _) => a.At(0) switch
        {
            decimal n => Math.Abs(n),
            TimeSpan d => d.Duration(),
            FeelYearsMonthsDuration m => new FeelYearsMonthsDuration(Math.Abs(m.TotalMonths)),
            _ => null,
        }),
        new("decimal", "decimal(n, scale)", 2, 2, (a, _) => Round(a, MidpointRounding.ToEven)),
        new("floor", "floor(n, scale?)", 1, 2, (a, _) => Round(a, MidpointRounding.ToNegativeInfinity)),
        new("ceiling", "ceiling(n, scale?)", 1, 2, (a, _) => Round(a, MidpointRounding.ToPositiveInfinity)),
        new("round up", "round up(n, scale)", 2, 2, (a, _) => a.NumberAt(0) is { } n
            ? Round(a, n >= 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity)
            : null),
        new("round down", "round down(n, scale)", 2, 2, (a, _) => Round(a, MidpointRounding.ToZero)),
        new("round half up", "round half up(n, scale)", 2, 2, (a, _) => Round(a, MidpointRounding.AwayFromZero)),
        new("round half down", "round half down(n, scale)", 2, 2, (a, _) => RoundHalfDown(a)),
        new("modulo", "modulo(dividend, divisor)", 2, 2, (a, _) => Modulo(a)),
        new("sqrt", "sqrt(number)", 1, 1, (a, _) => a.NumberAt(0) is { } n and >= 0 ? SquareRoot(n) : null),
        new("odd", "odd(number)", 1, 1, (a, _) => a.NumberAt(0) is { } n && n == decimal.Truncate(n) ? n % 2 != 0 : null),
        new("even", "even(number)", 1, 1, (a, _) => a.NumberAt(0) is { } n && n == decimal.Truncate(n) ? n % 2 == 0 : null),
    ];

    /// <summary>Rounds argument 0 to the scale in argument 1 (default 0). A negative scale rounds to tens, hundreds...</summary>
    private static object? Round(IReadOnlyList<object?> a, MidpointRounding mode)
    {
        if (a.NumberAt(0) is not { } n || a.OptionalIntAt(1, 0) is not { } scale)
        {
            return null;
        }

        try
        {
            return RoundToScale(n, scale, mode);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal RoundToScale(decimal n, int scale, MidpointRounding mode)
    {
        if (scale > MaxScale)
        {
            return n;
        }

        if (scale >= 0)
        {
            return decimal.Round(n, scale, mode);
        }

        if (-scale > MaxScale)
        {
            return 0m;
        }

        var factor = Pow10(-scale);
        return decimal.Round(n / factor, 0, mode) * factor;
    }

    /// <summary>Half down: midpoints go toward zero, everything else to the nearest (DMN 1.4 round half down).</summary>
    private static object? RoundHalfDown(IReadOnlyList<object?> a)
    {
        if (a.NumberAt(0) is not { } n || a.OptionalIntAt(1, 0) is not { } scale)
        {
            return null;
        }

        try
        {
            var towardZero = RoundToScale(n, scale, MidpointRounding.ToZero);
            var awayFromZero = RoundToScale(n, scale, MidpointRounding.AwayFromZero);
            return Math.Abs(n - towardZero) <= Math.Abs(awayFromZero - n) ? towardZero : awayFromZero;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>modulo takes the sign of the divisor: modulo(-12, 5) = 3 (DMN 1.3 §10.3.4.5).</summary>
    private static object? Modulo(IReadOnlyList<object?> a)
    {
        if (a.NumberAt(0) is not { } dividend || a.NumberAt(1) is not { } divisor || divisor == 0)
        {
            return null;
        }

        try
        {
            return dividend - (divisor * decimal.Floor(dividend / divisor));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal SquareRoot(decimal n)
    {
        if (n == 0)
        {
            return 0m;
        }

        var x = (decimal)Math.Sqrt((double)n);
        for (var i = 0; i < 3 && x != 0; i++)
        {
            x = (x + (n / x)) / 2; // Newton steps bring the double estimate to decimal precision
        }

        return x;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
