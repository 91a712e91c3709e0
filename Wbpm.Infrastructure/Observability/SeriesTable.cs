using System.Collections.Concurrent;

namespace Wbpm.Infrastructure.Observability;

/// <summary>
/// The per-tag-set cells of one instrument, with a cap on how many distinct tag sets are kept. A tag carrying an
/// unbounded value (a user id, a raw path) would otherwise grow memory and the scrape without limit. Measurements
/// beyond the cap are folded into one overflow series, as OpenTelemetry does, so totals stay correct.
/// </summary>
internal sealed class SeriesTable<TCell>(int maxTagSets, Func<TCell> createCell) where TCell : class
{
    public static TagSet OverflowTags { get; } =
        TagSet.From([new KeyValuePair<string, string>("otel.metric.overflow", "true")]);

    private readonly ConcurrentDictionary<TagSet, TCell> _cells = new();
    private readonly Lock _gate = new();
    private int _tagSetCount;

    public TCell Get(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = TagSet.From(tags);
        // Lock-free for known series, the hot path: adding a series is rare and takes the lock so the count is exact.
        return _cells.TryGetValue(key, out var cell) ? cell : Add(key);
    }

    public IEnumerable<KeyValuePair<TagSet, TCell>> Entries => _cells;

    public void Clear()
    {
        lock (_gate)
        {
            _cells.Clear();
            _tagSetCount = 0;
        }
    }

    private TCell Add(TagSet key)
    {
        lock (_gate)
        {
            if (_cells.TryGetValue(key, out var existing))
                return existing;
            if (_tagSetCount >= maxTagSets)
                return _cells.GetOrAdd(OverflowTags, _ => createCell());
            _tagSetCount++;
            var cell = createCell();
            _cells[key] = cell;
            return cell;
        }
    }
}
