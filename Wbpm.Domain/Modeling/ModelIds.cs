namespace Wbpm.Domain.Modeling;

/// <summary>Helpers for BPMN references, which the spec types as QNames ("tns:Message_1" or "Message_1").</summary>
internal static class ModelIds
{
    /// <summary>The id part of a reference: tools may write a namespace prefix before it.</summary>
    public static string Local(string reference)
    {
        var colon = reference.IndexOf(':');
        return colon < 0 ? reference : reference[(colon + 1)..];
    }
}
