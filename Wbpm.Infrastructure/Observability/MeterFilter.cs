using System.Diagnostics.Metrics;

namespace Wbpm.Infrastructure.Observability;

/// <summary>Decides which meters the collector listens to: by name, and by the DI container that created them.</summary>
internal sealed class MeterFilter(IReadOnlyList<string> prefixes, IMeterFactory? scope)
{
    public bool Accepts(Meter meter) => InScope(meter) && prefixes.Any(prefix => Matches(meter.Name, prefix));

    /// <summary>
    /// Meters created through an <see cref="IMeterFactory"/> carry that factory as their scope. Several hosts in one
    /// process (integration tests) each have their own factory, and MeterListener is process-wide: without this
    /// check one host's /metrics would report another host's requests. Static meters (scope null) are shared.
    /// </summary>
    private bool InScope(Meter meter) => scope is null || meter.Scope is null || ReferenceEquals(meter.Scope, scope);

    private static bool Matches(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal)
        && (name.Length == prefix.Length || name[prefix.Length] == '.' || prefix.EndsWith('.'));
}
