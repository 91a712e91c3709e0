namespace Wbpm.Infrastructure.Scripts;

/// <summary>
/// <c>Wbpm:Scripts</c>: script tasks are opt-in. When disabled, a model with a script task cannot be deployed (a
/// validation error on the element). When enabled, each script runs in a fresh JavaScript sandbox with these limits.
/// </summary>
public sealed class ScriptOptions
{
    public bool Enabled { get; set; }

    /// <summary>Most statements one script may execute (loops count every pass).</summary>
    public int MaxStatements { get; set; } = 50_000;

    /// <summary>Longest one script may run.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Most bytes one script run may allocate, checked before every statement. It counts the interpreter's own
    /// bookkeeping too (about 2 KB per statement in Jint 2's step mode), so it bounds what a script can build up
    /// (retained memory is at most this) rather than measuring its data exactly.
    /// </summary>
    public long MemoryLimit { get; set; } = 128 * 1024 * 1024;

    /// <summary>Deepest call nesting (stops runaway recursion before the stack does).</summary>
    public int MaxRecursion { get; set; } = 64;

    /// <summary>Longest JSON text of the variables a script hands back (result + set variables).</summary>
    public int MaxOutputLength { get; set; } = 1024 * 1024;
}
