namespace Wbpm.Domain.Expressions;

/// <summary>
/// Thread-safe, bounded least-recently-used cache of parse results keyed by expression text. Each text is
/// parsed once even when many threads ask at the same time (Lazy with ExecutionAndPublication); syntax
/// errors are cached too, so a bad expression evaluated in a loop does not re-parse.
/// </summary>
internal sealed class ParseCache<TResult>(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<TResult> Value)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<TResult> Value)> _recency = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public TResult GetOrAdd(string key, Func<string, TResult> factory)
    {
        Lazy<TResult> lazy;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                lazy = node.Value.Value;
            }
            else
            {
                lazy = new Lazy<TResult>(() => factory(key), LazyThreadSafetyMode.ExecutionAndPublication);
                _entries[key] = _recency.AddFirst((key, lazy));
                if (_entries.Count > capacity)
                {
                    var oldest = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove(oldest.Value.Key);
                }
            }
        }

        return lazy.Value; // parse outside the lock: other texts are not blocked by a slow parse
    }
}
