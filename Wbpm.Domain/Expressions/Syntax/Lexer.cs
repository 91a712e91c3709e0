using System.Globalization;
using System.Text;

namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>
/// Turns expression text into tokens (DMN 1.3 §10.3.1.2 grammar rules 21-33, subset). Tracks 1-based
/// line and column of every token so parse errors point at the exact character.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _column = 1;

    private Lexer(string text) => _text = text;

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfInput);
        return tokens;
    }

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private char Peek(int offset = 1) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private void Advance()
    {
        if (_text[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }

    private Token Next()
    {
        SkipWhitespaceAndComments();
        var line = _line;
        var column = _column;
        if (AtEnd)
        {
            return new Token(TokenKind.EndOfInput, "", line, column);
        }

        var c = Current;
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek())))
        {
            return ReadNumber(line, column);
        }

        if (c == '"')
        {
            return new Token(TokenKind.String, ReadString(line, column), line, column);
        }

        if (c == '?')
        {
            Advance(); // the implicit input of a unary test (DMN 1.3 §10.3.2.12)
            return new Token(TokenKind.Name, "?", line, column);
        }

        if (IsNameStart(c))
        {
            var start = _position;
            while (!AtEnd && IsNamePart(Current))
            {
                Advance();
            }

            var word = _text[start.._position];
            return new Token(Keywords.All.Contains(word) ? TokenKind.Keyword : TokenKind.Name, word, line, column);
        }

        return ReadSymbol(c, line, column);
    }

    private Token ReadSymbol(char c, int line, int column)
    {
        (TokenKind Kind, int Length) symbol = c switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            '{' => (TokenKind.LeftBrace, 1),
            '}' => (TokenKind.RightBrace, 1),
            ',' => (TokenKind.Comma, 1),
            ':' => (TokenKind.Colon, 1),
            '@' => (TokenKind.At, 1),
            '.' when Peek() == '.' => (TokenKind.DotDot, 2),
            '.' => (TokenKind.Dot, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' when Peek() == '*' => (TokenKind.StarStar, 2),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '=' => (TokenKind.Equal, 1),
            '!' when Peek() == '=' => (TokenKind.NotEqual, 2),
            '<' when Peek() == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when Peek() == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            _ => throw FeelSyntaxFailure.At($"Unexpected character '{c}'.", line, column),
        };
        var text = _text.Substring(_position, symbol.Length);
        for (var i = 0; i < symbol.Length; i++)
        {
            Advance();
        }

        return new Token(symbol.Kind, text, line, column);
    }

    private void SkipWhitespaceAndComments()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                Advance();
            }
            else if (Current == '/' && Peek() == '/')
            {
                while (!AtEnd && Current != '\n')
                {
                    Advance();
                }
            }
            else if (Current == '/' && Peek() == '*')
            {
                var (line, column) = (_line, _column);
                Advance();
                Advance();
                while (!(Current == '*' && Peek() == '/'))
                {
                    if (AtEnd)
                    {
                        throw FeelSyntaxFailure.At("Unterminated comment.", line, column);
                    }

                    Advance();
                }

                Advance();
                Advance();
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadNumber(int line, int column)
    {
        var start = _position;
        while (char.IsAsciiDigit(Current))
        {
            Advance();
        }

        // "1..10" is a range: only consume '.' when a digit follows it.
        if (Current == '.' && char.IsAsciiDigit(Peek()))
        {
            Advance();
            while (char.IsAsciiDigit(Current))
            {
                Advance();
            }
        }

        var text = _text[start.._position];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            throw FeelSyntaxFailure.At($"Number '{text}' is out of range.", line, column);
        }

        return new Token(TokenKind.Number, text, line, column);
    }

    /// <summary>String literal with the escapes of DMN 1.3 grammar rule 29 (\" \\ \n \r \t \' \uXXXX).</summary>
    private string ReadString(int line, int column)
    {
        Advance(); // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw FeelSyntaxFailure.At("Unterminated string literal.", line, column);
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                Advance();
                continue;
            }

            var (escapeLine, escapeColumn) = (_line, _column);
            Advance();
            var escaped = Current;
            if (AtEnd)
            {
                throw FeelSyntaxFailure.At("Unterminated string literal.", line, column);
            }

            Advance();
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case '\\': builder.Append('\\'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    builder.Append(ReadUnicodeEscape(escapeLine, escapeColumn));
                    break;
                default:
                    throw FeelSyntaxFailure.At($"Unknown escape sequence '\\{escaped}'.", escapeLine, escapeColumn);
            }
        }
    }

    private char ReadUnicodeEscape(int line, int column)
    {
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (!char.IsAsciiHexDigit(Current))
            {
                throw FeelSyntaxFailure.At("Invalid unicode escape: expected 4 hex digits after \\u.", line, column);
            }

            value = (value * 16) + Convert.ToInt32(Current.ToString(), 16);
            Advance();
        }

        return (char)value;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == '$';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
