namespace Wbpm.Domain.Expressions;

/// <summary>
/// An evaluation that had to stop (step budget, list or string size, regex timeout, stack).
/// Ordinary FEEL failures such as type mismatches are not exceptions: they evaluate to null.
/// </summary>
public sealed class FeelEvaluationException : Exception
{
    public FeelEvaluationException(string message)
        : base(message)
    {
    }
}
