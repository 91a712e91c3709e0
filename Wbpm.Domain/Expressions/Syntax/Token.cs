namespace Wbpm.Domain.Expressions.Syntax;

/// <summary>One lexical token. <see cref="Text"/> is the decoded value for strings, the source text otherwise.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Keyword && Text == keyword;

    /// <summary>Names and keywords both count as words of multi-word names such as `date and time`.</summary>
    public bool IsWord => Kind is TokenKind.Name or TokenKind.Keyword;

    public string Describe() => Kind switch
    {
        TokenKind.EndOfInput => "end of expression",
        TokenKind.String => $"string \"{Text}\"",
        TokenKind.Number => $"number {Text}",
        _ => $"'{Text}'",
    };
}
