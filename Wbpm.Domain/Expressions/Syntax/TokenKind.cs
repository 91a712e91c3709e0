namespace Wbpm.Domain.Expressions.Syntax;

internal enum TokenKind
{
    EndOfInput,
    Number,
    String,
    Name,
    Keyword,
    At,            // @ (temporal literal prefix)
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
    Colon,
    Dot,
    DotDot,
    Plus,
    Minus,
    Star,
    Slash,
    StarStar,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
