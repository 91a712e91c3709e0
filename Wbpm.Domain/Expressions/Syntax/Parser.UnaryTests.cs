namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>Positive unary tests, the right-hand side of `in` (DMN 1.3 grammar rules 7-17 and §10.3.2.12).</summary>
internal sealed partial class Parser
{
    // ---- unary tests (right side of `in`) ------------------------------------------------------

    private List<UnaryTest> ParsePositiveUnaryTests()
    {
        var tests = new List<UnaryTest>();
        if (Current.Kind != TokenKind.LeftParen)
        {
            tests.Add(ParseUnaryTest(parenthesized: false));
            return tests;
        }

        var open = Consume();
        if (ComparisonOperator(Current.Kind) is null)
        {
            // "(1..10)" is a range, "(1, 2)" a list of tests, "(x)" a single test.
            var before = _inputReferences;
            var first = ParseExpression();
            if (Current.Kind == TokenKind.DotDot)
            {
                tests.Add(new ExpressionTest(ParseRangeEnd(first, startIncluded: false, open), _inputReferences != before));
                return tests;
            }

            tests.Add(new ExpressionTest(first, _inputReferences != before));
        }
        else
        {
            tests.Add(ParseUnaryTest(parenthesized: true));
        }

        while (TryConsume(TokenKind.Comma))
        {
            tests.Add(ParseUnaryTest(parenthesized: true));
        }

        Expect(TokenKind.RightParen, $"to close the tests opened at line {open.Line}, column {open.Column}");
        return tests;
    }

    private UnaryTest ParseUnaryTest(bool parenthesized)
    {
        var token = Current;
        if (ComparisonOperator(token.Kind) is { } op)
        {
            _index++;
            return new ComparisonTest(op, ParseAdditive());
        }

        var before = _inputReferences;
        var expression = parenthesized ? ParseExpression() : ParseAdditive();
        return new ExpressionTest(expression, _inputReferences != before);
    }
}
