using System.Globalization;
using Wbpm.Domain.Expressions.Functions;
using Wbpm.Domain.Expressions.Values;

namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>Primaries: literals, lists, ranges, contexts, names and function calls (DMN 1.3 grammar rules 34-57, subset).</summary>
internal sealed partial class Parser
{
    // ---- primaries -----------------------------------------------------------------------------

    private FeelNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new LiteralNode(decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), token.Line, token.Column);
            case TokenKind.String:
                _index++;
                return new LiteralNode(token.Text, token.Line, token.Column);
            case TokenKind.At:
                return ParseTemporalLiteral();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseListOrRange();
            case TokenKind.RightBracket:
                return ParseRangeWithOpenStart();
            case TokenKind.LeftBrace:
                return ParseContext();
            case TokenKind.Keyword when token.Text is "true" or "false":
                _index++;
                return new LiteralNode(token.Text == "true", token.Line, token.Column);
            case TokenKind.Keyword when token.Text == "null":
                _index++;
                return new LiteralNode(null, token.Line, token.Column);
            case TokenKind.Keyword when token.Text == "function":
                throw Error("Function definitions are not supported.", token);
            case TokenKind.Name:
                return ParseNameOrCall();
            case TokenKind.EndOfInput:
                throw Error("Unexpected end of expression: expected a value.", token);
            default:
                throw Error($"Unexpected {token.Describe()}: expected a value.", token);
        }
    }

    private FeelNode ParseTemporalLiteral()
    {
        var at = Consume();
        var text = Current;
        if (text.Kind != TokenKind.String)
        {
            throw Error("Expected a string after '@' (e.g. @\"2025-01-31\").", text);
        }

        _index++;
        var value = TemporalParser.ParseAny(text.Text)
            ?? throw Error($"\"{text.Text}\" is not a valid date, time, date and time or duration.", text);
        return new LiteralNode(value, at.Line, at.Column);
    }

    private FeelNode ParseParenthesized()
    {
        var open = Consume();
        var inner = ParseExpression();
        if (Current.Kind == TokenKind.DotDot)
        {
            return ParseRangeEnd(inner, startIncluded: false, open);
        }

        Expect(TokenKind.RightParen, $"to close the '(' at line {open.Line}, column {open.Column}");
        return inner;
    }

    private FeelNode ParseListOrRange()
    {
        var open = Consume();
        var items = new List<FeelNode>();
        if (TryConsume(TokenKind.RightBracket))
        {
            return new ListNode(items, open.Line, open.Column);
        }

        var first = ParseExpression();
        if (Current.Kind == TokenKind.DotDot)
        {
            return ParseRangeEnd(first, startIncluded: true, open);
        }

        items.Add(first);
        while (TryConsume(TokenKind.Comma))
        {
            items.Add(ParseExpression());
        }

        Expect(TokenKind.RightBracket, $"to close the list opened at line {open.Line}, column {open.Column}");
        return new ListNode(items, open.Line, open.Column);
    }

    private FeelNode ParseRangeWithOpenStart()
    {
        var open = Consume();
        var start = ParseExpression();
        if (Current.Kind != TokenKind.DotDot)
        {
            throw Error($"Expected '..' in the range opened at line {open.Line}, column {open.Column}.", Current);
        }

        return ParseRangeEnd(start, startIncluded: false, open);
    }

    /// <summary>Parses `.. end` and the closing bracket: ']' includes the end, ')' or '[' excludes it (§10.3.2.7).</summary>
    private RangeNode ParseRangeEnd(FeelNode start, bool startIncluded, Token open)
    {
        _index++; // '..'
        Enter();
        var filterAllowed = _filterAllowed;
        try
        {
            _filterAllowed = false;
            var end = ParseAdditive();
            _filterAllowed = filterAllowed;
            var close = Current;
            bool endIncluded = close.Kind switch
            {
                TokenKind.RightBracket => true,
                TokenKind.RightParen or TokenKind.LeftBracket => false,
                _ => throw Error($"Expected ']', ')' or '[' to close the range opened at line {open.Line}, column {open.Column} but found {close.Describe()}.", close),
            };
            _index++;
            return new RangeNode(start, startIncluded, end, endIncluded, open.Line, open.Column);
        }
        finally
        {
            _filterAllowed = filterAllowed;
            Exit();
        }
    }

    private FeelNode ParseContext()
    {
        var open = Consume();
        var entries = new List<ContextEntryNode>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (TryConsume(TokenKind.RightBrace))
        {
            return new ContextNode(entries, open.Line, open.Column);
        }

        do
        {
            var keyToken = Current;
            var key = ParseContextKey();
            Expect(TokenKind.Colon, $"after the context key '{key}'");
            if (!keys.Add(key))
            {
                throw Error($"Duplicate context key '{key}'.", keyToken);
            }

            entries.Add(new ContextEntryNode(key, ParseExpression()));
        }
        while (TryConsume(TokenKind.Comma));

        Expect(TokenKind.RightBrace, $"to close the context opened at line {open.Line}, column {open.Column}");
        return new ContextNode(entries, open.Line, open.Column);
    }

    /// <summary>A key is a string literal or a name that may contain spaces (`first name: "Ada"`).</summary>
    private string ParseContextKey()
    {
        var token = Current;
        if (token.Kind == TokenKind.String)
        {
            _index++;
            return token.Text;
        }

        if (!token.IsWord)
        {
            throw Error($"Expected a context key (a name or a string) but found {token.Describe()}.", token);
        }

        var words = new List<string>();
        while (Current.IsWord)
        {
            words.Add(Consume().Text);
        }

        return string.Join(' ', words);
    }

    private FeelNode ParseNameOrCall()
    {
        var token = Current;
        foreach (var candidate in BuiltInFunctions.MultiWordNames)
        {
            if (MatchesWords(candidate.Words) && PeekToken(candidate.Words.Length).Kind == TokenKind.LeftParen)
            {
                _index += candidate.Words.Length;
                return ParseCall(candidate.Name, token);
            }
        }

        _index++;
        if (token.Text == "?")
        {
            _inputReferences++;
        }

        if (Current.Kind == TokenKind.LeftParen)
        {
            return ParseCall(token.Text, token);
        }

        return new NameNode(token.Text, token.Line, token.Column);
    }

    private bool MatchesWords(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var token = PeekToken(i);
            if (!token.IsWord || token.Text != words[i])
            {
                return false;
            }
        }

        return true;
    }

    private FeelNode ParseCall(string name, Token start)
    {
        if (!BuiltInFunctions.TryGet(name, out var function))
        {
            throw Error($"Unknown function '{name}'.", start);
        }

        var open = Consume(); // '('
        var arguments = new List<FeelNode>();
        if (!TryConsume(TokenKind.RightParen))
        {
            do
            {
                if (Current.IsWord && PeekToken(1).Kind == TokenKind.Colon)
                {
                    throw Error("Named parameters are not supported: pass arguments by position.", Current);
                }

                arguments.Add(ParseExpression());
            }
            while (TryConsume(TokenKind.Comma));

            Expect(TokenKind.RightParen, $"to close the arguments of '{name}' opened at line {open.Line}, column {open.Column}");
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            throw Error($"Function '{name}' expects {function.DescribeArity()} but got {arguments.Count}.", start);
        }

        return new FunctionCallNode(name, arguments, start.Line, start.Column);
    }

    private string ParseTypeName()
    {
        foreach (var type in FeelTypes.NamesLongestFirst)
        {
            if (MatchesWords(type.Words))
            {
                _index += type.Words.Length;
                return type.Name;
            }
        }

        throw Error($"Unknown type {Current.Describe()} after 'instance of'. Known types: {string.Join(", ", FeelTypes.Names)}.", Current);
    }
}
