namespace Wbpm.Infrastructure.Scripts;

/// <summary>A script threw, broke a sandbox limit or returned what cannot be a variable. The message says which.</summary>
public sealed class ScriptFailedException(string message) : Exception(message);
