using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Wbpm.Web;

/// <summary>
/// The repository's root appsettings.json is the app's configuration (README). It is linked into the build output,
/// and read with lower precedence than the environment's own files, environment variables and the command line.
/// </summary>
internal static class RepositorySettings
{
    public static void AddRepositorySettings(this ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(path))
            return;
        var source = new JsonConfigurationSource
        {
            Path = Path.GetFileName(path),
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(path)!),
            Optional = true,
            ReloadOnChange = false,
        };
        // Index 0: everything the host added (environment variables, command line, test overrides) wins.
        configuration.Sources.Insert(0, source);
        _ = environment;
    }
}
