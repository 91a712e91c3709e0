namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Arithmetic, comparison, three-valued logic, between, in, instance of, if-then-else.</summary>
public sealed class OperatorTests
{
    public static TheoryData<string, string, string> Arithmetic => new()
    {
        { "1 + 2 * 3", "", "7" },
        { "(1 + 2) * 3", "", "9" },
        { "10 - 4 - 3", "", "3" },
        { "7 / 2", "", "3.5" },
        { "1 / 4 * 4", "", "1" },
        { "1 / 3", "", "0.3333333333333333333333333333" },
        { "10 / 0", "", "null" },
        { "2 ** 10", "", "1024" },
        { "2 ** -1", "", "0.5" },
        { "4 ** 0.5", "", "2" },
        { "-2 ** 2", "", "4" },
        { "- (3 + 4)", "", "-7" },
        { "--5", "", "5" },
        { "1.10 + 0", "", "1.1" },
        { "\"foo\" + \"bar\"", "", "\"foobar\"" },
        { "\"a\" + 1", "", "null" },
        { "1 + null", "", "null" },
        { "null * 2", "", "null" },
        { "-null", "", "null" },
        { "true + 1", "", "null" },
        { "x + 1", "", "null" },
        { "amount * 1.2", "{\"amount\": 100}", "120" },
        { "79228162514264337593543950335 + 1", "", "null" },
        { "2 ** 1000", "", "null" },
        // temporal arithmetic
        { "date(\"2025-01-31\") + duration(\"P1D\")", "", "date(\"2025-02-01\")" },
        { "date(\"2025-01-31\") + duration(\"P1M\")", "", "date(\"2025-02-28\")" },
        { "date(\"2025-01-31\") - duration(\"P1Y\")", "", "date(\"2024-01-31\")" },
        { "duration(\"P1D\") + date(\"2025-01-31\")", "", "date(\"2025-02-01\")" },
        { "date(\"2025-03-01\") - date(\"2025-02-01\")", "", "days and time duration(2419200s)" },
        { "date and time(\"2025-01-31T10:00:00Z\") + duration(\"PT90M\")", "", "date and time(\"2025-01-31T11:30:00Z\")" },
        { "date and time(\"2025-01-31T10:00:00Z\") - date and time(\"2025-01-30T10:00:00Z\")", "", "days and time duration(86400s)" },
        { "date and time(\"2025-01-31T12:00:00+02:00\") - date and time(\"2025-01-31T10:00:00Z\")", "", "days and time duration(0s)" },
        { "date and time(\"2025-01-31T10:00:00\") + duration(\"P1M\")", "", "local date and time(\"2025-02-28T10:00:00\")" },
        { "date and time(\"2025-01-31T10:00:00\") - date and time(\"2025-01-31T10:00:00Z\")", "", "null" },
        { "time(\"23:30:00\") + duration(\"PT1H\")", "", "time(\"00:30:00\")" },
        { "time(\"10:30:00\") - time(\"08:00:00\")", "", "days and time duration(9000s)" },
        { "duration(\"PT1H\") + duration(\"PT30M\")", "", "days and time duration(5400s)" },
        { "duration(\"P1Y\") - duration(\"P2M\")", "", "years and months duration(10m)" },
        { "duration(\"PT1H\") * 3", "", "days and time duration(10800s)" },
        { "2 * duration(\"P1Y\")", "", "years and months duration(24m)" },
        { "duration(\"P1D\") / duration(\"PT1H\")", "", "24" },
        { "duration(\"PT1H\") / 0", "", "null" },
        { "-duration(\"P1D\")", "", "days and time duration(-86400s)" },
        { "duration(\"P1D\") + duration(\"P1Y\")", "", "null" },
        { "date(\"2025-01-31\") + 1", "", "null" },
        { "now() + duration(\"P2D\")", "", "date and time(\"2025-02-02T10:30:00Z\")" },
    };

    public static TheoryData<string, string, string> ComparisonAndLogic => new()
    {
        { "1 = 1.0", "", "true" },
        { "1 != 2", "", "true" },
        { "\"a\" = \"a\"", "", "true" },
        { "\"a\" = \"A\"", "", "false" },
        { "\"a\" < \"b\"", "", "true" },
        { "\"B\" < \"a\"", "", "true" },
        { "3 >= 3", "", "true" },
        { "3 > 3", "", "false" },
        { "2 <= 1", "", "false" },
        { "amount > 100", "{\"amount\": 150}", "true" },
        { "amount > 100", "{\"amount\": 50}", "false" },
        { "amount > 100", "", "null" },
        { "null = null", "", "true" },
        { "x = null", "", "true" },
        { "1 = null", "", "false" },
        { "1 != null", "", "true" },
        { "1 = \"1\"", "", "null" },
        { "1 < \"2\"", "", "null" },
        { "true < false", "", "null" },
        { "[1, 2] = [1, 2]", "", "true" },
        { "[1, 2] = [2, 1]", "", "false" },
        { "{a: 1, b: [2]} = {b: [2.0], a: 1}", "", "true" },
        { "{a: 1} = {a: 2}", "", "false" },
        { "date(\"2025-01-31\") < date(\"2025-02-01\")", "", "true" },
        { "date(\"2025-01-31\") = date(\"2025-01-31\")", "", "true" },
        { "date and time(\"2025-01-31T12:00:00+02:00\") = date and time(\"2025-01-31T10:00:00Z\")", "", "true" },
        { "date and time(\"2025-01-31T10:00:00\") < date and time(\"2025-01-31T11:00:00Z\")", "", "null" },
        { "time(\"10:00:00\") < time(\"11:00:00\")", "", "true" },
        { "duration(\"P1D\") > duration(\"PT23H\")", "", "true" },
        { "duration(\"P1Y\") = duration(\"P12M\")", "", "true" },
        { "date(\"2025-01-31\") < now()", "", "null" },
        // three-valued logic (DMN 1.3 table 51)
        { "true and true", "", "true" },
        { "true and false", "", "false" },
        { "true and null", "", "null" },
        { "false and null", "", "false" },
        { "null and false", "", "false" },
        { "null and null", "", "null" },
        { "true or null", "", "true" },
        { "null or true", "", "true" },
        { "false or null", "", "null" },
        { "false or false", "", "false" },
        { "\"yes\" and true", "", "null" },
        { "1 or false", "", "null" },
        { "not(true)", "", "false" },
        { "not(false)", "", "true" },
        { "not(null)", "", "null" },
        { "not(1)", "", "null" },
        { "a > 1 and b < 5 or c", "{\"a\": 2, \"b\": 9, \"c\": true}", "true" },
        { "a > 1 and (b < 5 or c)", "{\"a\": 0, \"b\": 1, \"c\": true}", "false" },
        // if-then-else
        { "if amount > 100 then \"big\" else \"small\"", "{\"amount\": 150}", "\"big\"" },
        { "if amount > 100 then \"big\" else \"small\"", "{\"amount\": 50}", "\"small\"" },
        { "if null then 1 else 2", "", "2" },
        { "if \"true\" then 1 else 2", "", "2" },
        { "if true then if false then 1 else 2 else 3", "", "2" },
        { "(if true then 1 else 2) + 10", "", "11" },
    };

    public static TheoryData<string, string, string> TestsAndTypes => new()
    {
        // between
        { "5 between 1 and 10", "", "true" },
        { "1 between 1 and 10", "", "true" },
        { "11 between 1 and 10", "", "false" },
        { "x between 1 and 10", "", "null" },
        { "date(\"2025-01-15\") between date(\"2025-01-01\") and date(\"2025-01-31\")", "", "true" },
        { "\"m\" between \"a\" and \"z\"", "", "true" },
        // in: lists, ranges, unary tests
        { "2 in [1, 2, 3]", "", "true" },
        { "4 in [1, 2, 3]", "", "false" },
        { "\"b\" in [\"a\", \"b\"]", "", "true" },
        { "status in (\"open\", \"pending\")", "{\"status\": \"pending\"}", "true" },
        { "status in (\"open\", \"pending\")", "{\"status\": \"done\"}", "false" },
        { "5 in [1..10]", "", "true" },
        { "10 in [1..10]", "", "true" },
        { "10 in [1..10)", "", "false" },
        { "10 in [1..10[", "", "false" },
        { "1 in (1..10]", "", "false" },
        { "1 in ]1..10]", "", "false" },
        { "2 in ]1..10[", "", "true" },
        { "5 in (1..10)", "", "true" },
        { "5 in (1, 2, 3)", "", "false" },
        { "3 in (1, 2, 3)", "", "true" },
        { "5 in < 10", "", "true" },
        { "5 in > 10", "", "false" },
        { "5 in (< 3, > 4)", "", "true" },
        { "5 in (<= 4, >= 6)", "", "false" },
        { "15 in ([1..10], [20..30])", "", "false" },
        { "25 in ([1..10], [20..30])", "", "true" },
        { "5 in (? > 3)", "", "true" },
        { "5 in (? > 3 and ? < 4)", "", "false" },
        { "x in (1, 2)", "", "false" },
        { "x in [1..2]", "", "null" },
        { "5 in [1..x]", "", "null" },
        { "]1..10[ instance of range", "", "true" },
        { "[1..10]", "", "range(1[..10])" },
        { "null in (null)", "", "true" },
        { "date(\"2025-01-15\") in [date(\"2025-01-01\")..date(\"2025-01-31\")]", "", "true" },
        { "amount in [limit..limit * 2]", "{\"amount\": 15, \"limit\": 10}", "true" },
        { "2 in [1..3] and 3 in (1, 3)", "", "true" },
        // instance of
        { "1 instance of number", "", "true" },
        { "\"a\" instance of string", "", "true" },
        { "\"a\" instance of number", "", "false" },
        { "true instance of boolean", "", "true" },
        { "date(\"2025-01-31\") instance of date", "", "true" },
        { "time(\"10:00:00\") instance of time", "", "true" },
        { "now() instance of date and time", "", "true" },
        { "date(\"2025-01-31\") instance of date and time", "", "false" },
        { "duration(\"P1D\") instance of days and time duration", "", "true" },
        { "duration(\"P1Y\") instance of years and months duration", "", "true" },
        { "duration(\"P1Y\") instance of days and time duration", "", "false" },
        { "[1] instance of list", "", "true" },
        { "{a: 1} instance of context", "", "true" },
        { "customer instance of context", "{\"customer\": {\"name\": \"x\"}}", "true" },
        { "items instance of list", "{\"items\": [1]}", "true" },
        { "null instance of number", "", "false" },
        { "1 + 1 instance of number", "", "true" },
    };

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void ArithmeticFollowsFeelSemantics(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));

    [Theory]
    [MemberData(nameof(ComparisonAndLogic))]
    public void ComparisonAndThreeValuedLogicFollowFeelSemantics(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));

    [Theory]
    [MemberData(nameof(TestsAndTypes))]
    public void UnaryTestsRangesAndInstanceOfWork(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));
}
