namespace Wbpm.Infrastructure.Observability;

/// <summary>Settings bound from <c>Wbpm:Observability</c>.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Wbpm:Observability";

    /// <summary>Meters exported when <see cref="MeterPrefixes"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultMeterPrefixes { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
        "Wbpm",
    ];

    /// <summary>
    /// Meter names to export; a meter matches an entry when its name equals it or continues it after a dot
    /// ("Wbpm" matches "Wbpm" and "Wbpm.Engine"). Null or empty means <see cref="DefaultMeterPrefixes"/>.
    /// An array, not a list with defaults, because the configuration binder appends to pre-filled lists.
    /// </summary>
    public string[]? MeterPrefixes { get; set; }

    /// <summary>Distinct tag sets kept per instrument; further ones are folded into one overflow series.</summary>
    public int MaxTagSetsPerInstrument { get; set; } = 1_000;

    /// <summary>Write logs as JSON lines (built-in console formatter) instead of the human-readable format.</summary>
    public bool JsonConsoleLogs { get; set; }

    internal IReadOnlyList<string> EffectiveMeterPrefixes =>
        MeterPrefixes is { Length: > 0 } configured ? configured : DefaultMeterPrefixes;
}
