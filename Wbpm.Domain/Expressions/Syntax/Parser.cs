using System.Runtime.CompilerServices;

namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser for the supported FEEL subset (DMN 1.3 §10.3.1.2). Operator precedence,
/// lowest first: if/for/some/every, or, and, comparison (= != &lt; &lt;= &gt; &gt;= between in instance of),
/// + -, * /, **, unary -, postfix (. path, [filter]), primary.
/// Every nesting level (including each operator of a chain) counts against the depth cap, so the
/// tree handed to the recursive evaluator is never deeper than <see cref="FeelOptions.MaxDepth"/>.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;
    private int _inputReferences;

    // False while parsing the end point of a range, so the closing '[' of "]1..10[" is not read as a filter.
    private bool _filterAllowed = true;

    private Parser(List<Token> tokens, int maxDepth)
    {
        _tokens = tokens;
        _maxDepth = maxDepth;
    }

    private Token Current => _tokens[_index];

    private Token PeekToken(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    public static FeelNode Parse(string text, int maxDepth)
    {
        var parser = new Parser(Lexer.Tokenize(text), maxDepth);
        return parser.ParseWhole();
    }

    private FeelNode ParseWhole()
    {
        // Camunda 8 writes expressions as "= amount > 100": one leading '=' marks an expression.
        if (Current.Kind == TokenKind.Equal)
        {
            _index++;
        }

        if (Current.Kind == TokenKind.EndOfInput)
        {
            throw Error("Expression is empty.", Current);
        }

        var node = ParseExpression();
        if (Current.Kind != TokenKind.EndOfInput)
        {
            throw Error($"Unexpected {Current.Describe()}: expected an operator or the end of the expression.", Current);
        }

        return node;
    }

    // ---- nesting guard -------------------------------------------------------------------------

    private void Enter()
    {
        _depth++;
        if (_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error($"Expression is nested too deeply (the maximum depth is {_maxDepth}).", Current);
        }
    }

    private void Exit(int levels = 1) => _depth -= levels;

    // ---- expressions ---------------------------------------------------------------------------

    private FeelNode ParseExpression()
    {
        Enter();
        var filterAllowed = _filterAllowed;
        _filterAllowed = true; // inside brackets a '[' is unambiguous again
        try
        {
            var token = Current;
            if (token.IsKeyword("if"))
            {
                return ParseIf();
            }

            if (token.IsKeyword("for"))
            {
                return ParseFor();
            }

            if (token.IsKeyword("some") || token.IsKeyword("every"))
            {
                return ParseQuantified();
            }

            return ParseDisjunction();
        }
        finally
        {
            _filterAllowed = filterAllowed;
            Exit();
        }
    }

    private FeelNode ParseIf()
    {
        var start = Consume();
        var condition = ParseExpression();
        ExpectKeyword("then", "after the condition of 'if'");
        var then = ParseExpression();
        ExpectKeyword("else", "after the 'then' branch ('if' needs an 'else')");
        var otherwise = ParseExpression();
        return new IfNode(condition, then, otherwise, start.Line, start.Column);
    }

    private FeelNode ParseFor()
    {
        var start = Consume();
        var iterations = ParseIterationContexts();
        ExpectKeyword("return", "after the iteration contexts of 'for'");
        var body = ParseExpression();
        return new ForNode(iterations, body, start.Line, start.Column);
    }

    private FeelNode ParseQuantified()
    {
        var start = Consume();
        var iterations = ParseIterationContexts();
        ExpectKeyword("satisfies", $"after the iteration contexts of '{start.Text}'");
        var condition = ParseExpression();
        return new QuantifiedNode(start.Text == "every", iterations, condition, start.Line, start.Column);
    }

    private List<IterationContext> ParseIterationContexts()
    {
        var contexts = new List<IterationContext>();
        do
        {
            var name = Current;
            if (name.Kind != TokenKind.Name)
            {
                throw Error($"Expected a variable name but found {name.Describe()}.", name);
            }

            _index++;
            ExpectKeyword("in", $"after the iteration variable '{name.Text}'");
            var source = ParseExpression();
            FeelNode? rangeEnd = null;
            if (Current.Kind == TokenKind.DotDot)
            {
                _index++;
                rangeEnd = ParseExpression();
            }

            contexts.Add(new IterationContext(name.Text, source, rangeEnd));
        }
        while (TryConsume(TokenKind.Comma));

        return contexts;
    }

    private FeelNode ParseDisjunction()
    {
        var left = ParseConjunction();
        var levels = 0;
        while (Current.IsKeyword("or"))
        {
            var op = Consume();
            Enter();
            levels++;
            left = new OrNode(left, ParseConjunction(), op.Line, op.Column);
        }

        Exit(levels);
        return left;
    }

    private FeelNode ParseConjunction()
    {
        var left = ParseComparison();
        var levels = 0;
        while (Current.IsKeyword("and"))
        {
            var op = Consume();
            Enter();
            levels++;
            left = new AndNode(left, ParseComparison(), op.Line, op.Column);
        }

        Exit(levels);
        return left;
    }

    private FeelNode ParseComparison()
    {
        var left = ParseAdditive();
        var levels = 0;
        while (true)
        {
            var token = Current;
            FeelNode next;
            if (ComparisonOperator(token.Kind) is { } op)
            {
                _index++;
                Enter();
                next = new BinaryNode(op, left, ParseAdditive(), token.Line, token.Column);
            }
            else if (token.IsKeyword("between"))
            {
                _index++;
                Enter();
                var low = ParseAdditive();
                ExpectKeyword("and", "between the bounds of 'between'");
                var high = ParseAdditive();
                next = new BetweenNode(left, low, high, token.Line, token.Column);
            }
            else if (token.IsKeyword("in"))
            {
                _index++;
                Enter();
                next = new InNode(left, ParsePositiveUnaryTests(), token.Line, token.Column);
            }
            else if (token.IsKeyword("instance") && PeekToken(1).IsKeyword("of"))
            {
                _index += 2;
                Enter();
                next = new InstanceOfNode(left, ParseTypeName(), token.Line, token.Column);
            }
            else
            {
                break;
            }

            levels++;
            left = next;
        }

        Exit(levels);
        return left;
    }

    private FeelNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        var levels = 0;
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Consume();
            Enter();
            levels++;
            var right = ParseMultiplicative();
            left = new BinaryNode(op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, left, right, op.Line, op.Column);
        }

        Exit(levels);
        return left;
    }

    private FeelNode ParseMultiplicative()
    {
        var left = ParsePower();
        var levels = 0;
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Consume();
            Enter();
            levels++;
            var right = ParsePower();
            left = new BinaryNode(op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide, left, right, op.Line, op.Column);
        }

        Exit(levels);
        return left;
    }

    private FeelNode ParsePower()
    {
        var left = ParseUnary();
        var levels = 0;
        while (Current.Kind == TokenKind.StarStar)
        {
            var op = Consume();
            Enter();
            levels++;
            left = new BinaryNode(BinaryOperator.Power, left, ParseUnary(), op.Line, op.Column);
        }

        Exit(levels);
        return left;
    }

    private FeelNode ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
        {
            return ParsePostfix();
        }

        var minus = Consume();
        Enter();
        try
        {
            return new NegateNode(ParseUnary(), minus.Line, minus.Column);
        }
        finally
        {
            Exit();
        }
    }

    private FeelNode ParsePostfix()
    {
        var node = ParsePrimary();
        var levels = 0;
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.Dot)
            {
                _index++;
                var name = Current;
                if (!name.IsWord)
                {
                    throw Error($"Expected a name after '.' but found {name.Describe()}.", name);
                }

                _index++;
                Enter();
                levels++;
                node = new PathNode(node, name.Text, name.Line, name.Column);
            }
            else if (token.Kind == TokenKind.LeftBracket && _filterAllowed)
            {
                _index++;
                Enter();
                levels++;
                var filter = ParseExpression();
                Expect(TokenKind.RightBracket, $"to close the filter opened at line {token.Line}, column {token.Column}");
                node = new FilterNode(node, filter, token.Line, token.Column);
            }
            else
            {
                break;
            }
        }

        Exit(levels);
        return node;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private Token Consume() => _tokens[_index++];

    private bool TryConsume(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private void Expect(TokenKind kind, string context)
    {
        if (Current.Kind != kind)
        {
            throw Error($"Expected '{Symbol(kind)}' {context} but found {Current.Describe()}.", Current);
        }

        _index++;
    }

    private void ExpectKeyword(string keyword, string context)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Error($"Expected '{keyword}' {context} but found {Current.Describe()}.", Current);
        }

        _index++;
    }

    private static string Symbol(TokenKind kind) => kind switch
    {
        TokenKind.RightParen => ")",
        TokenKind.RightBracket => "]",
        TokenKind.RightBrace => "}",
        TokenKind.Colon => ":",
        _ => kind.ToString(),
    };

    private static FeelSyntaxFailure Error(string message, Token at) => FeelSyntaxFailure.At(message, at.Line, at.Column);
}
