using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Wbpm.Web.Observability;

namespace Wbpm.Tests.Infrastructure.Observability;

public sealed class WbpmLoggingTests
{
    [Fact]
    public void JsonConsoleLogsSwitchesTheConsoleToTheJsonFormatterWithScopesAndUtc()
    {
        using var provider = Build(jsonConsoleLogs: true);

        Assert.Equal(ConsoleFormatterNames.Json,
            provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var json = provider.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        var tracking = provider.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId));
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.SpanId));
    }

    [Fact]
    public void WithoutJsonConsoleLogsTheConsoleFormatIsLeftAlone()
    {
        using var provider = Build(jsonConsoleLogs: false);

        Assert.NotEqual(ConsoleFormatterNames.Json,
            provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    private static ServiceProvider Build(bool jsonConsoleLogs)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Wbpm:Observability:JsonConsoleLogs"] = jsonConsoleLogs.ToString() })
            .Build();
        var services = new ServiceCollection();
        // The console provider the default host adds, then the switch: as Program.cs will call it.
        services.AddLogging(logging => logging.AddConsole().AddWbpmLogging(configuration));
        return services.BuildServiceProvider();
    }
}
