namespace Wbpm.Domain.Expressions;

/// <summary>Thrown by <see cref="FeelEngine.Parse"/> when an expression does not parse.</summary>
public sealed class FeelSyntaxException : Exception
{
    public FeelSyntaxException(FeelSyntaxError error)
        : base(error.ToString()) => Error = error;

    public FeelSyntaxError Error { get; }
}
