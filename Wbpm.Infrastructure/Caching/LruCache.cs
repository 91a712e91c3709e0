namespace Wbpm.Infrastructure.Caching;

/// <summary>
/// A thread-safe cache of at most <c>capacity</c> entries that evicts the least recently used one. Small and
/// lock-based on purpose: lookups are rare compared with the work they save (parsing a model).
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _index = new();
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly Lock _lock = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "The capacity must be positive.");

    public int Count
    {
        get { lock (_lock) return _index.Count; }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_index.Remove(key, out var existing))
                _order.Remove(existing);
            _index[key] = _order.AddFirst((key, value));
            if (_index.Count > Capacity)
            {
                var oldest = _order.Last!;
                _order.RemoveLast();
                _index.Remove(oldest.Value.Key);
            }
        }
    }
}
