using System.Text.Json;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Engine;

/// <summary>How FEEL results become stored JSON variables.</summary>
public sealed class FeelJsonTests
{
    private static readonly FeelEngine Feel = new();
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static string Stored(string expression) =>
        FeelJson.ToJson(Feel.Evaluate(expression, new Dictionary<string, object?>(), Now)).GetRawText();

    [Theory]
    [InlineData("2 * 1.0", "2")]
    [InlineData("1 / 4", "0.25")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("date(\"2026-01-31\")", "\"2026-01-31\"")]
    [InlineData("date and time(\"2026-01-31T10:00:00Z\")", "\"2026-01-31T10:00:00Z\"")]
    [InlineData("duration(\"PT90M\")", "\"PT1H30M\"")]
    [InlineData("duration(\"P1Y2M\")", "\"P1Y2M\"")]
    [InlineData("[1, {a: [true, null]}]", "[1,{\"a\":[true,null]}]")]
    public void FeelValuesAreStoredAsPlainJson(string expression, string json) => Assert.Equal(json, Stored(expression));

    [Fact]
    public void StoredJsonReadsBackIntoFeelAsTheSameValue()
    {
        var stored = FeelJson.ToJson(Feel.Evaluate("{items: [1, 2, 3], name: \"x\"}", new Dictionary<string, object?>(), Now));

        Assert.Equal(6m, Feel.Evaluate("sum(order.items)", new Dictionary<string, object?> { ["order"] = stored }, Now));
        Assert.Equal(JsonValueKind.Object, stored.ValueKind);
    }

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("12.50", "12.5")]
    [InlineData("null", null)]
    public void KeysAndNamesAreText(string expression, string? text) =>
        Assert.Equal(text, FeelJson.ToText(Feel.Evaluate(expression, new Dictionary<string, object?>(), Now)));
}
