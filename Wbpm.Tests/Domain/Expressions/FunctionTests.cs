namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Built-in functions, grouped as in DMN 1.3 §10.3.4.</summary>
public sealed class FunctionTests
{
    public static TheoryData<string, string, string> StringFunctions => new()
    {
        { "string length(\"hello\")", "", "5" },
        { "string length(\"😀a\")", "", "2" },
        { "string length(1)", "", "null" },
        { "substring(\"foobar\", 3)", "", "\"obar\"" },
        { "substring(\"foobar\", 3, 3)", "", "\"oba\"" },
        { "substring(\"foobar\", -2, 1)", "", "\"a\"" },
        { "substring(\"foobar\", 10)", "", "\"\"" },
        { "substring(\"foobar\", 0)", "", "null" },
        { "substring(null, 1)", "", "null" },
        { "upper case(\"abc\")", "", "\"ABC\"" },
        { "lower case(\"ABC\")", "", "\"abc\"" },
        { "upper case(name)", "{\"name\": \"ada\"}", "\"ADA\"" },
        { "contains(\"foobar\", \"ob\")", "", "true" },
        { "contains(\"foobar\", \"x\")", "", "false" },
        { "contains(null, \"x\")", "", "null" },
        { "starts with(\"foobar\", \"foo\")", "", "true" },
        { "ends with(\"foobar\", \"bar\")", "", "true" },
        { "ends with(\"foobar\", \"foo\")", "", "false" },
        { "substring before(\"foobar\", \"bar\")", "", "\"foo\"" },
        { "substring after(\"foobar\", \"ob\")", "", "\"ar\"" },
        { "matches(\"foobar\", \"^fo*b\")", "", "true" },
        { "matches(\"FOO\", \"foo\", \"i\")", "", "true" },
        { "matches(\"foo\", \"[\")", "", "null" },
        { "matches(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"(a+)+$\")", "", "false" },
        { "matches(email, \"^[^@]+@[^@]+$\")", "{\"email\": \"a@b.c\"}", "true" },
        { "replace(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")", "", "\"[1=ab][2=]cd\"" },
        { "replace(\"a-b-c\", \"-\", \"+\")", "", "\"a+b+c\"" },
        { "replace(\"Hello\", \"l\", \"L\", \"q\")", "", "null" },
        { "matches(\"abab\", \"^(ab)\\\\1$\")", "", "true" },
        { "matches(\"abcd\", \"(?=ab)\")", "", "true" },
        { "matches(\"a\nb\", \"a.b\", \"s\")", "", "true" },
        { "matches(\"a\nb\", \"a.b\")", "", "false" },
        { "split(\"a,b,,c\", \",\")", "", "[\"a\", \"b\", \"\", \"c\"]" },
        { "split(\"a1b22c\", \"[0-9]+\")", "", "[\"a\", \"b\", \"c\"]" },
        { "string join([\"a\", \"b\", \"c\"], \", \")", "", "\"a, b, c\"" },
        { "string join([\"a\", null, \"c\"])", "", "\"ac\"" },
    };

    public static TheoryData<string, string, string> NumericFunctions => new()
    {
        { "abs(-5)", "", "5" },
        { "abs(5.5)", "", "5.5" },
        { "abs(\"x\")", "", "null" },
        { "floor(1.5)", "", "1" },
        { "floor(-1.5)", "", "-2" },
        { "floor(1.56, 1)", "", "1.5" },
        { "ceiling(1.2)", "", "2" },
        { "ceiling(-1.5)", "", "-1" },
        { "decimal(1.5, 0)", "", "2" },
        { "decimal(2.5, 0)", "", "2" },
        { "decimal(1/3, 2)", "", "0.33" },
        { "decimal(0.125, 2)", "", "0.12" },
        { "decimal(1234.5, -2)", "", "1200" },
        { "round up(5.5, 0)", "", "6" },
        { "round up(-5.5, 0)", "", "-6" },
        { "round up(1.121, 2)", "", "1.13" },
        { "round down(5.5, 0)", "", "5" },
        { "round down(-5.5, 0)", "", "-5" },
        { "round half up(5.5, 0)", "", "6" },
        { "round half up(-5.5, 0)", "", "-6" },
        { "round half up(1.125, 2)", "", "1.13" },
        { "round half down(5.5, 0)", "", "5" },
        { "round half down(-5.5, 0)", "", "-5" },
        { "round half down(5.6, 0)", "", "6" },
        { "modulo(12, 5)", "", "2" },
        { "modulo(-12, 5)", "", "3" },
        { "modulo(12, -5)", "", "-3" },
        { "modulo(12, 0)", "", "null" },
        { "sqrt(16)", "", "4" },
        { "sqrt(-1)", "", "null" },
        { "odd(5)", "", "true" },
        { "even(5)", "", "false" },
        { "number(\"1.5\")", "", "1.5" },
        { "number(\"-12\")", "", "-12" },
        { "number(\"1,000.5\", \",\", \".\")", "", "1000.5" },
        { "number(\"abc\")", "", "null" },
        { "number(\"1e3\")", "", "1000" },
    };

    public static TheoryData<string, string, string> ListFunctions => new()
    {
        { "list contains([1, 2, 3], 2)", "", "true" },
        { "list contains([1, 2, 3], 2.0)", "", "true" },
        { "list contains([1, 2, 3], 5)", "", "false" },
        { "list contains([1, null], null)", "", "true" },
        { "list contains(null, 1)", "", "null" },
        { "count([1, 2, 3])", "", "3" },
        { "count([])", "", "0" },
        { "count(items)", "{\"items\": [1, 2]}", "2" },
        { "min([3, 1, 2])", "", "1" },
        { "min(3, 1, 2)", "", "1" },
        { "max([3, 1, 2])", "", "3" },
        { "max(\"a\", \"c\", \"b\")", "", "\"c\"" },
        { "max([])", "", "null" },
        { "min([1, \"a\"])", "", "null" },
        { "max([date(\"2025-01-01\"), date(\"2025-03-01\")])", "", "date(\"2025-03-01\")" },
        { "sum([1, 2, 3])", "", "6" },
        { "sum(1, 2.5)", "", "3.5" },
        { "sum([])", "", "null" },
        { "sum([1, \"a\"])", "", "null" },
        { "sum(orders.amount)", "{\"orders\": [{\"amount\": 10.5}, {\"amount\": 20}]}", "30.5" },
        { "mean([1, 2, 3, 4])", "", "2.5" },
        { "product([2, 3, 4])", "", "24" },
        { "median([3, 1, 2, 4])", "", "2.5" },
        { "all([true, true])", "", "true" },
        { "all([true, false, null])", "", "false" },
        { "all([true, null])", "", "null" },
        { "any([false, true])", "", "true" },
        { "any([false, null])", "", "null" },
        { "sublist([1, 2, 3, 4], 2, 2)", "", "[2, 3]" },
        { "sublist([1, 2, 3], -2)", "", "[2, 3]" },
        { "append([1, 2], 3, 4)", "", "[1, 2, 3, 4]" },
        { "append([], null)", "", "[null]" },
        { "concatenate([1], [2, 3], [])", "", "[1, 2, 3]" },
        { "concatenate([1], 2)", "", "null" },
        { "insert before([1, 3], 2, 2)", "", "[1, 2, 3]" },
        { "remove([1, 2, 3], 2)", "", "[1, 3]" },
        { "reverse([1, 2, 3])", "", "[3, 2, 1]" },
        { "index of([1, 2, 3, 2], 2)", "", "[2, 4]" },
        { "union([1, 2], [2, 3])", "", "[1, 2, 3]" },
        { "distinct values([1, 2, 1.0, \"a\", \"a\"])", "", "[1, 2, \"a\"]" },
        { "flatten([1, [2, [3, 4]], []])", "", "[1, 2, 3, 4]" },
        { "sort([3, 1, 2])", "", "[1, 2, 3]" },
        { "sort([\"b\", \"a\"])", "", "[\"a\", \"b\"]" },
        { "sort([1, \"a\"])", "", "null" },
    };

    public static TheoryData<string, string, string> TemporalAndConversionFunctions => new()
    {
        { "now()", "", "date and time(\"2025-01-31T10:30:00Z\")" },
        { "today()", "", "date(\"2025-01-31\")" },
        { "date(2025, 1, 31)", "", "date(\"2025-01-31\")" },
        { "date(2025, 2, 30)", "", "null" },
        { "date(date and time(\"2025-01-31T23:00:00Z\"))", "", "date(\"2025-01-31\")" },
        { "time(10, 30, 15)", "", "time(\"10:30:15\")" },
        { "time(25, 0, 0)", "", "null" },
        { "time(date and time(\"2025-01-31T10:30:00Z\"))", "", "time(\"10:30:00\")" },
        { "date and time(date(\"2025-01-31\"), time(\"10:30:00\"))", "", "local date and time(\"2025-01-31T10:30:00\")" },
        { "date and time(\"2025-01-31\")", "", "local date and time(\"2025-01-31T00:00:00\")" },
        { "date and time(\"2025-01-31T10:30:00@Europe/Paris\")", "", "null" },
        { "date and time(\"garbage\")", "", "null" },
        { "date(\"31.01.2025\")", "", "null" },
        { "time(\"10:30\")", "", "null" },
        { "years and months duration(date(\"2024-01-15\"), date(\"2025-03-14\"))", "", "years and months duration(13m)" },
        { "years and months duration(date(\"2025-03-14\"), date(\"2024-01-15\"))", "", "years and months duration(-13m)" },
        { "date(\"2025-01-31\").year", "", "2025" },
        { "date(\"2025-01-31\").month", "", "1" },
        { "date(\"2025-01-31\").weekday", "", "5" },
        { "time(\"10:30:15\").minute", "", "30" },
        { "now().hour", "", "10" },
        { "duration(\"P2DT3H\").days", "", "2" },
        { "duration(\"P2Y3M\").months", "", "3" },
        { "day of week(date(\"2025-01-31\"))", "", "\"Friday\"" },
        { "day of year(date(\"2025-02-01\"))", "", "32" },
        { "week of year(date(\"2025-01-31\"))", "", "5" },
        { "month of year(date(\"2025-01-31\"))", "", "\"January\"" },
        { "last day of month(date(\"2024-02-10\"))", "", "date(\"2024-02-29\")" },
        { "string(1.50)", "", "\"1.5\"" },
        { "string(true)", "", "\"true\"" },
        { "string(\"x\")", "", "\"x\"" },
        { "string(null)", "", "null" },
        { "string(date(\"2025-01-31\"))", "", "\"2025-01-31\"" },
        { "string(date and time(\"2025-01-31T10:30:00+02:00\"))", "", "\"2025-01-31T10:30:00+02:00\"" },
        { "string(now())", "", "\"2025-01-31T10:30:00Z\"" },
        { "string(duration(\"P1DT2H\"))", "", "\"P1DT2H\"" },
        { "string(duration(\"PT0S\"))", "", "\"PT0S\"" },
        { "string(duration(\"P14M\"))", "", "\"P1Y2M\"" },
        { "string([1, \"a\", null])", "", "\"[1, \"a\", null]\"" },
        { "string({a: 1})", "", "\"{a: 1}\"" },
        { "\"Order \" + string(id) + \" is late\"", "{\"id\": 42}", "\"Order 42 is late\"" },
        { "duration(\"P1D\") = duration(string(duration(\"P1D\")))", "", "true" },
        // context functions and is defined
        { "get value({a: 1}, \"a\")", "", "1" },
        { "get value({a: 1}, \"b\")", "", "null" },
        { "get value(customer, \"first name\")", "{\"customer\": {\"first name\": \"Ada\"}}", "\"Ada\"" },
        { "get entries({a: 1})", "", "[{key: \"a\", value: 1}]" },
        { "context put({a: 1}, \"b\", 2)", "", "{a: 1, b: 2}" },
        { "context merge([{a: 1}, {b: 2}, {a: 3}])", "", "{a: 3, b: 2}" },
        { "is defined(amount)", "{\"amount\": null}", "true" },
        { "is defined(amount)", "", "false" },
        { "is defined(customer.name)", "{\"customer\": {\"name\": \"x\"}}", "true" },
        { "is defined(customer.age)", "{\"customer\": {\"name\": \"x\"}}", "false" },
        { "is defined(1)", "", "true" },
    };

    public static TheoryData<string, string, string> Iterations => new()
    {
        { "some x in [1, 2, 3] satisfies x > 2", "", "true" },
        { "some x in [1, 2, 3] satisfies x > 5", "", "false" },
        { "some x in [] satisfies x > 5", "", "false" },
        { "every x in [1, 2, 3] satisfies x > 0", "", "true" },
        { "every x in [1, 2, 3] satisfies x > 1", "", "false" },
        { "every x in [] satisfies false", "", "true" },
        { "every x in [1, null] satisfies x > 0", "", "false" },
        { "some x in missing satisfies x > 0", "", "null" },
        { "some o in orders satisfies o.amount > 100", "{\"orders\": [{\"amount\": 50}, {\"amount\": 150}]}", "true" },
        { "some x in [1, 2], y in [2, 3] satisfies x = y", "", "true" },
        { "every x in [1, 2], y in [3, 4] satisfies x < y", "", "true" },
        { "for x in [1, 2, 3] return x * 2", "", "[2, 4, 6]" },
        { "for x in [] return x", "", "[]" },
        { "for i in 1..3 return i * i", "", "[1, 4, 9]" },
        { "for i in 3..1 return i", "", "[3, 2, 1]" },
        { "for x in [1, 2], y in [10, 20] return x + y", "", "[11, 21, 12, 22]" },
        { "for o in orders return o.id", "{\"orders\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}", "[\"a\", \"b\"]" },
        { "sum(for x in [1, 2, 3] return x)", "", "6" },
        { "for x in missing return x", "", "null" },
    };

    [Theory]
    [MemberData(nameof(StringFunctions))]
    public void StringFunctionsWork(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));

    [Theory]
    [MemberData(nameof(NumericFunctions))]
    public void NumericFunctionsRoundAndConvert(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));

    [Theory]
    [MemberData(nameof(ListFunctions))]
    public void ListFunctionsWork(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));

    [Theory]
    [MemberData(nameof(TemporalAndConversionFunctions))]
    public void TemporalConversionAndContextFunctionsWork(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));

    [Theory]
    [MemberData(nameof(Iterations))]
    public void QuantifiersAndForLoopsWork(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));
}
