namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Literals, names, paths, lists, contexts, filters and indexes.</summary>
public sealed class LiteralAndNameTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // numbers, strings, booleans, null
        { "42", "", "42" },
        { "3.14", "", "3.14" },
        { ".5", "", "0.5" },
        { "-7", "", "-7" },
        { "0.1 + 0.2", "", "0.3" },
        { "\"hello\"", "", "\"hello\"" },
        { "\"say \\\"hi\\\"\"", "", "\"say \"hi\"\"" },
        { "\"tab\\there\"", "", "\"tab\there\"" },
        { "\"\\u0041BC\"", "", "\"ABC\"" },
        { "\"\"", "", "\"\"" },
        { "true", "", "true" },
        { "false", "", "false" },
        { "null", "", "null" },
        { "= 1 + 1", "", "2" },
        { "// comment\n1 /* inline */ + 2", "", "3" },
        // temporal literals
        { "date(\"2025-01-31\")", "", "date(\"2025-01-31\")" },
        { "time(\"10:30:00\")", "", "time(\"10:30:00\")" },
        { "time(\"10:30:00.5\")", "", "time(\"10:30:00.5\")" },
        { "date and time(\"2025-01-31T10:30:00Z\")", "", "date and time(\"2025-01-31T10:30:00Z\")" },
        { "date and time(\"2025-01-31T10:30:00+02:00\")", "", "date and time(\"2025-01-31T10:30:00+02:00\")" },
        { "date and time(\"2025-01-31T10:30:00\")", "", "local date and time(\"2025-01-31T10:30:00\")" },
        { "duration(\"P3D\")", "", "days and time duration(259200s)" },
        { "duration(\"PT2H\")", "", "days and time duration(7200s)" },
        { "duration(\"P1DT2H30M\")", "", "days and time duration(95400s)" },
        { "duration(\"-PT1M\")", "", "days and time duration(-60s)" },
        { "duration(\"P1Y2M\")", "", "years and months duration(14m)" },
        { "duration(\"P1Y2D\")", "", "null" },
        { "duration(\"nonsense\")", "", "null" },
        { "@\"2025-01-31\"", "", "date(\"2025-01-31\")" },
        { "@\"10:30:00\"", "", "time(\"10:30:00\")" },
        { "@\"2025-01-31T10:30:00Z\"", "", "date and time(\"2025-01-31T10:30:00Z\")" },
        { "@\"P2D\"", "", "days and time duration(172800s)" },
        { "date(\"2025-02-30\")", "", "null" },
        // lists and contexts
        { "[1, 2, 3]", "", "[1, 2, 3]" },
        { "[]", "", "[]" },
        { "[1, \"a\", null, [true]]", "", "[1, \"a\", null, [true]]" },
        { "{a: 1, \"b c\": 2}", "", "{a: 1, b c: 2}" },
        { "{first name: \"Ada\"}", "", "{first name: \"Ada\"}" },
        { "{a: 1, b: a + 1}", "", "{a: 1, b: 2}" },
        { "{}", "", "{}" },
        { "{a: {b: {c: 5}}}.a.b.c", "", "5" },
        // names and paths
        { "amount", "{\"amount\": 150}", "150" },
        { "unknownVariable", "", "null" },
        { "customer.address.city", "{\"customer\": {\"address\": {\"city\": \"Oslo\"}}}", "\"Oslo\"" },
        { "customer.missing.city", "{\"customer\": {\"address\": {}}}", "null" },
        { "amount.value", "{\"amount\": 150}", "null" },
        { "orders.amount", "{\"orders\": [{\"amount\": 1}, {\"amount\": 2}]}", "[1, 2]" },
        { "_private + $dollar", "{\"_private\": 1, \"$dollar\": 2}", "3" },
        { "Straße", "{\"Straße\": \"Hauptstraße\"}", "\"Hauptstraße\"" },
        // filters and indexes
        { "[1, 2, 3, 4, 5][item > 3]", "", "[4, 5]" },
        { "[1, 2, 3][1]", "", "1" },
        { "[1, 2, 3][-1]", "", "3" },
        { "[1, 2, 3][-3]", "", "1" },
        { "[1, 2, 3][4]", "", "null" },
        { "[1, 2, 3][0]", "", "null" },
        { "items[2]", "{\"items\": [\"a\", \"b\"]}", "\"b\"" },
        { "items[index]", "{\"items\": [\"a\", \"b\"], \"index\": 2}", "\"b\"" },
        { "orders[amount > 100]", "{\"orders\": [{\"amount\": 50}, {\"amount\": 150}, {\"amount\": 300}]}", "[{amount: 150}, {amount: 300}]" },
        { "orders[amount > 100].amount", "{\"orders\": [{\"amount\": 50}, {\"amount\": 150}]}", "[150]" },
        { "orders[item.amount > 100 and status = \"open\"]", "{\"orders\": [{\"amount\": 150, \"status\": \"open\"}, {\"amount\": 200, \"status\": \"done\"}]}", "[{amount: 150, status: \"open\"}]" },
        { "count(orders[amount > limit])", "{\"orders\": [{\"amount\": 5}, {\"amount\": 15}], \"limit\": 10}", "1" },
        { "[1, 2, 3][item > 5]", "", "[]" },
        { "[1, null, 3][item > 1]", "", "[3]" },
        { "5[item > 3]", "", "[5]" },
        { "missing[item > 3]", "", "null" },
        { "[[1, 2], [3]][1][2]", "", "2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EvaluatesToExpectedValue(string expression, string variables, string expected) =>
        Assert.Equal(expected, FeelTestSupport.EvaluateAndDescribe(expression, variables));
}
