using Wbpm.Domain.Expressions;

namespace Wbpm.Tests.Domain.Expressions;

/// <summary>Syntax errors carry the 1-based line and column of the first problem and a clear message.</summary>
public sealed class SyntaxErrorTests
{
    public static TheoryData<string, int, int, string> Errors => new()
    {
        { "", 1, 1, "Expression is empty." },
        { "=", 1, 2, "Expression is empty." },
        { "1 +", 1, 4, "Unexpected end of expression: expected a value." },
        { "(1 + 2", 1, 7, "Expected ')' to close the '(' at line 1, column 1 but found end of expression." },
        { "a >\n  > 3", 2, 3, "Unexpected '>': expected a value." },
        { "amount > 100\nand\n(status = \"open\"", 3, 17, "Expected ')' to close the '(' at line 3, column 1 but found end of expression." },
        { "\"abc", 1, 1, "Unterminated string literal." },
        { "1 # 2", 1, 3, "Unexpected character '#'." },
        { "foo(1)", 1, 1, "Unknown function 'foo'." },
        { "x + frobnicate(1)", 1, 5, "Unknown function 'frobnicate'." },
        { "substring(\"a\")", 1, 1, "Function 'substring' expects 2 to 3 arguments but got 1." },
        { "now(1)", 1, 1, "Function 'now' expects 0 arguments but got 1." },
        { "if a then b", 1, 12, "Expected 'else' after the 'then' branch ('if' needs an 'else') but found end of expression." },
        { "if a b", 1, 6, "Expected 'then' after the condition of 'if' but found 'b'." },
        { "[1, 2", 1, 6, "Expected ']' to close the list opened at line 1, column 1 but found end of expression." },
        { "{a 1}", 1, 4, "Expected ':' after the context key 'a' but found number 1." },
        { "{a: 1, a: 2}", 1, 8, "Duplicate context key 'a'." },
        { "x instance of foo", 1, 15, "Unknown type 'foo' after 'instance of'. Known types: number, string, boolean, date, time, date and time, days and time duration, years and months duration, list, context, range, Any, Null." },
        { "1 2", 1, 3, "Unexpected number 2: expected an operator or the end of the expression." },
        { "\"a\\qb\"", 1, 3, "Unknown escape sequence '\\q'." },
        { "@\"2025-13-01\"", 1, 2, "\"2025-13-01\" is not a valid date, time, date and time or duration." },
        { "function(x) x", 1, 1, "Function definitions are not supported." },
        { "substring(string: \"a\", start position: 1)", 1, 11, "Named parameters are not supported: pass arguments by position." },
        { "/* open", 1, 1, "Unterminated comment." },
        { "x in", 1, 5, "Unexpected end of expression: expected a value." },
        { "some x in [1] x > 1", 1, 15, "Expected 'satisfies' after the iteration contexts of 'some' but found 'x'." },
        { "for 1 in x return 1", 1, 5, "Expected a variable name but found number 1." },
        { "x between 1 or 2", 1, 13, "Expected 'and' between the bounds of 'between' but found 'or'." },
        { "[1..5}", 1, 6, "Expected ']', ')' or '[' to close the range opened at line 1, column 1 but found '}'." },
        { "a.", 1, 3, "Expected a name after '.' but found end of expression." },
        { "1 = = 2", 1, 5, "Unexpected '=': expected a value." },
        { "\t1 +\n\t\t)", 2, 3, "Unexpected ')': expected a value." },
        { "1 +\r\n)", 2, 1, "Unexpected ')': expected a value." },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void SyntaxErrorReportsMessageLineAndColumn(string expression, int line, int column, string message)
    {
        var error = FeelTestSupport.Engine.CheckSyntax(expression);
        Assert.Equal(new FeelSyntaxError(message, line, column), error);
    }

    [Theory]
    [InlineData("1 + 2")]
    [InlineData("= amount > 100")]
    [InlineData("date and time(\"2025-01-31T10:30:00Z\") < now()")]
    [InlineData("if a then b else c")]
    public void ValidExpressionHasNoSyntaxError(string expression) =>
        Assert.Null(FeelTestSupport.Engine.CheckSyntax(expression));

    [Fact]
    public void ParseThrowsFeelSyntaxExceptionWithTheError()
    {
        var exception = Assert.Throws<FeelSyntaxException>(() => FeelTestSupport.Engine.Parse("1 +"));
        Assert.Equal(new FeelSyntaxError("Unexpected end of expression: expected a value.", 1, 4), exception.Error);
        Assert.Contains("line 1, column 4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateOfInvalidExpressionThrowsFeelSyntaxException() =>
        Assert.Throws<FeelSyntaxException>(() => FeelTestSupport.Engine.Evaluate("(", new Dictionary<string, object?>(), FeelTestSupport.Now));
}
