using System.Text.Json;
using Wbpm.Infrastructure.Observability;

namespace Wbpm.Web.Observability;

public static class ObservabilityLoggingBuilderExtensions
{
    /// <summary>
    /// When <c>Wbpm:Observability:JsonConsoleLogs</c> is true, console logs become one JSON object per line
    /// (the built-in formatter: log shippers parse it without regexes), with scopes, UTC timestamps and the
    /// trace and span ids of the current activity so a log line can be joined to its trace.
    /// Otherwise the host's default console format is left alone, which reads better on a developer's terminal.
    /// </summary>
    public static ILoggingBuilder AddWbpmLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);

        var jsonLogs = configuration.GetValue<bool>($"{ObservabilityOptions.SectionName}:{nameof(ObservabilityOptions.JsonConsoleLogs)}");
        if (!jsonLogs)
            return logging;

        // Trace ids reach the JSON output as scope values, hence IncludeScopes.
        logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
        return logging;
    }
}
