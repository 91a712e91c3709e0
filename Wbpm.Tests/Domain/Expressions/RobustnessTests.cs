using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Random token soup never crashes the engine: only syntax errors, values or evaluation limits come out.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Fragments =
    [
        "1", "2.5", "-", "+", "*", "/", "**", "(", ")", "[", "]", "{", "}", ",", ":", ".", "..", "=", "!=", "<", ">=",
        "\"s\"", "x", "item", "?", "and", "or", "not(", "if", "then", "else", "for", "in", "return", "some", "every",
        "satisfies", "between", "instance of", "number", "null", "true", "date(\"2025-01-31\")", "duration(\"P1D\")",
        "now()", "count(", "sum(", "string length(", "substring(", "a.b", "list[1]", "@\"P1Y\"", "1..3", "\n",
    ];

    [Fact]
    public void RandomExpressionsOnlyProduceValuesSyntaxErrorsOrLimitErrors()
    {
        var engine = new FeelEngine(new FeelOptions(MaxSteps: 2_000));
        var random = new Random(20250131);
        var variables = FeelTestSupport.Variables("""{"x": 5, "list": [1, 2, 3], "a": {"b": [1, {"c": 2}]}}""");
        var parsed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            var error = engine.CheckSyntax(text);
            if (error is not null)
            {
                Assert.InRange(error.Line, 1, text.Count(c => c == '\n') + 1);
                Assert.InRange(error.Column, 1, text.Length + 1);
                continue;
            }

            parsed++;
            try
            {
                engine.Evaluate(text, variables, FeelTestSupport.Now);
            }
            catch (FeelEvaluationException)
            {
                // a limit: acceptable
            }
        }

        Assert.True(parsed > 100, $"only {parsed} random expressions parsed");
    }
}
